import type { BatchResult, Job, Match, MatchBatchReview, MatchListQuery, MatchReview, RematchResult } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import { runBatch } from '../../../platform/batch.js';
import type { Clock } from '../../../platform/clock.js';
import { notFound, refusal } from '../../../platform/errors.js';
import type { JobService, ReportProgress } from '../../../platform/jobs/job.service.js';
import type { NotificationService } from '../../notifications/index.js';
import { createAdvisoryRepo } from '../advisory.repo.js';
import { recordSightings, type Sighting } from '../findings/detect.js';
import { vulnerabilityPolicy } from '../vulnerability.policy.js';
import { matchPolicy } from './match.policy.js';
import { createMatchRepo } from './match.repo.js';
import { type LoadedIndex, loadIndex, type MatchCounts, matchAndStore } from './matcher.js';

export interface MatchingServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  jobs: Pick<JobService, 'define'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** Assets per transaction in a full re-match: big enough to be quick, small enough to keep locks short. */
const PAGE = 2000;

/** Matching assets to vulnerabilities: on import, on asset change, as a full re-match job; review of needs_review matches. */
export function createMatchingService(deps: MatchingServiceDeps) {
  let cached: { stamp: string; loaded: LoadedIndex } | null = null;

  /** The index over every entry, rebuilt only when advisories or aliases changed since. */
  async function fullIndex(db: DbOrTx): Promise<LoadedIndex> {
    const stamp = await createAdvisoryRepo(db).matchInputStamp();
    if (cached?.stamp === stamp) return cached.loaded;
    const loaded = await loadIndex(db);
    cached = { stamp, loaded };
    return loaded;
  }

  async function rematchAll(actor: Actor, progress: ReportProgress): Promise<RematchResult> {
    const total = await createMatchRepo(deps.db).countAssets();
    const result: RematchResult = { assets: 0, affected: 0, needsReview: 0, findingsCreated: 0, findingsReopened: 0 };
    // Without assets there is nothing to match; the index is built when the first asset comes.
    if (total === 0) return result;
    const loaded = await fullIndex(deps.db);
    let after: string | undefined;
    progress(0, total);
    for (;;) {
      const page = await createMatchRepo(deps.db).assets({ ...(after ? { after } : {}), limit: PAGE });
      if (page.length === 0) break;
      const counts = await deps.db.transaction((tx) =>
        matchAndStore(tx, page, loaded, {
          now: deps.clock.now(),
          by: actor.displayName ?? actor.name,
          note: 'full re-match',
          announce: deps.notifications,
        }),
      );
      add(result, counts);
      result.assets += page.length;
      after = page.at(-1)?.id;
      progress(result.assets, total);
    }
    await deps.db.transaction((tx) =>
      deps.audit.append(tx, actor, { action: 'vulnerability.rematch', entityType: 'vuln_match', entityId: null, after: result }),
    );
    return result;
  }

  // A named job, so any instance can run it (ADR 0012).
  const rematchJob = deps.jobs.define('vulnerabilities.rematch', ({ actor, progress }) => rematchAll(actor, progress));

  return {
    rematchAll,

    /** Starts a full re-match of every asset as a job (analysts). */
    async startRematch(actor: Actor): Promise<Job> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      return rematchJob.start(actor, {});
    },

    /** Re-matches every asset against these vulnerabilities inside `tx` (after an advisory import). */
    async matchVulnerabilities(tx: DbOrTx, vulnerabilityIds: string[], by: string): Promise<MatchCounts> {
      const total = { affected: 0, needsReview: 0, findingsCreated: 0, findingsReopened: 0 };
      const repo = createMatchRepo(tx);
      if (vulnerabilityIds.length === 0 || (await repo.countAssets()) === 0) return total;
      const loaded = await loadIndex(tx, vulnerabilityIds);
      let after: string | undefined;
      for (;;) {
        const page = await repo.assets({ ...(after ? { after } : {}), limit: PAGE * 5 });
        if (page.length === 0) return total;
        add(
          total,
          await matchAndStore(tx, page, loaded, {
            now: deps.clock.now(),
            vulnerabilityIds,
            by,
            note: 'advisory imported',
            announce: deps.notifications,
          }),
        );
        after = page.at(-1)?.id;
        if (page.length < PAGE * 5) return total;
      }
    },

    /** Re-matches some assets against everything inside `tx` (after an asset was created or changed). */
    async matchAssets(
      tx: DbOrTx,
      assetIds: string[],
      by: string,
      options: { recordFindings?: boolean; collect?: Sighting[]; fixedBy?: { id: string | null; name: string } } = {},
    ): Promise<MatchCounts> {
      if (assetIds.length === 0) return { affected: 0, needsReview: 0, findingsCreated: 0, findingsReopened: 0 };
      const loaded = await fullIndex(tx);
      const assets = await createMatchRepo(tx).assets({ ids: assetIds });
      return matchAndStore(tx, assets, loaded, {
        now: deps.clock.now(),
        by,
        note: 'asset changed',
        announce: deps.notifications,
        ...options,
      });
    },

    async list(actor: Actor, query: MatchListQuery): Promise<{ items: Match[]; total: number }> {
      const page = await createMatchRepo(deps.db).findPage(matchPolicy.reach(actor, 'read'), query);
      return { items: page.items.map(toMatch), total: page.total };
    },

    /** An analyst decides a needs_review match; deciding "affected" opens the finding. */
    async review(actor: Actor, id: string, input: MatchReview): Promise<Match> {
      matchPolicy.authorize(actor, 'review');
      return deps.db.transaction(async (tx) => {
        const repo = createMatchRepo(tx);
        const row = await repo.findById(id);
        if (!row) throw notFound('match');
        matchPolicy.authorize(actor, 'review', row.match);
        if (row.match.verdict !== 'needs_review')
          throw refusal('CONFLICT', 'match.already_decided', 'only needs_review matches are reviewed; this one is decided');
        const now = deps.clock.now();
        await repo.review(id, {
          reviewVerdict: input.verdict,
          reviewNote: input.note ?? null,
          reviewedById: actor.userId,
          reviewedAt: now,
        });
        const before = row.match.reviewVerdict;
        if (input.verdict === 'affected' && before !== 'affected')
          await recordSightings(
            tx,
            [
              {
                asset: { id: row.match.assetId, enterpriseId: row.match.enterpriseId, districtId: row.match.districtId },
                vulnerabilityId: row.match.vulnerabilityId,
              },
            ],
            {
              now,
              origin: 'match',
              by: actor.displayName ?? actor.name,
              note: `match reviewed: ${input.note ?? 'affected'}`,
              announce: deps.notifications,
            },
          );
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.match_review',
          entityType: 'vuln_match',
          entityId: id,
          before: { reviewVerdict: before },
          after: { reviewVerdict: input.verdict, note: input.note ?? null },
        });
        const updated = await repo.findById(id);
        if (!updated) throw notFound('match');
        return toMatch(updated);
      });
    },

    /** 匹配研判 on many matches (#12 item 7): each goes through `review` (its own scope check and transaction). */
    async reviewMany(actor: Actor, input: MatchBatchReview): Promise<BatchResult> {
      matchPolicy.authorize(actor, 'review');
      const { ids, ...decision } = input;
      return runBatch(
        ids.map((id) => ({ id })),
        (row) => this.review(actor, row.id, decision),
      );
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;

function add(into: MatchCounts, c: MatchCounts) {
  into.affected += c.affected;
  into.needsReview += c.needsReview;
  into.findingsCreated += c.findingsCreated;
  into.findingsReopened += c.findingsReopened;
}

function toMatch(r: NonNullable<Awaited<ReturnType<ReturnType<typeof createMatchRepo>['findById']>>>): Match {
  return {
    id: r.match.id,
    assetId: r.match.assetId,
    asset: r.asset,
    enterpriseId: r.match.enterpriseId,
    enterpriseName: r.enterpriseName,
    vulnerabilityId: r.match.vulnerabilityId,
    vulnerabilityKey: r.vulnerabilityKey,
    vulnerabilityTitle: r.vulnerabilityTitle,
    grade: r.grade,
    verdict: r.match.verdict,
    reasons: r.match.reasons,
    reviewVerdict: r.match.reviewVerdict,
    reviewNote: r.match.reviewNote,
    reviewedAt: r.match.reviewedAt?.toISOString() ?? null,
    matchedAt: r.match.matchedAt.toISOString(),
  };
}
