import type { VulnGrade } from '@suilian/contracts';
import type { DbOrTx } from '../../../db/client.js';
import type { NotificationService } from '../../notifications/index.js';
import { createAdvisoryRepo } from '../advisory.repo.js';
import { findingsAssignedNotices } from './finding.notifications.js';
import { createFindingRepo, type FindingEventInsert, type FindingRow } from './finding.repo.js';
import { slaDueAt, stateWhenSeenAgain } from './lifecycle.js';

export interface Sighting {
  asset: { id: string; enterpriseId: string; districtId: string | null };
  vulnerabilityId: string;
}

export interface DetectOutcome {
  created: FindingRow[];
  reopened: FindingRow[];
  /** Findings seen again that stay as they are (open, or a decision that stands). */
  unchanged: FindingRow[];
}

/**
 * Records that a match or a scan saw these (asset, vulnerability) pairs now: a new finding where
 * there was none, a reopened one where it had been fixed or closed, lastSeenAt otherwise.
 * Runs inside the caller's transaction; `by` names who saw it in the history.
 */
export async function recordSightings(
  tx: DbOrTx,
  sightings: readonly Sighting[],
  options: {
    now: Date;
    origin: 'match' | 'scan';
    scanKey?: string;
    by: string;
    note: string;
    /** Tells each enterprise of its new and reopened findings in this transaction (issue #12 item 2). */
    announce?: Pick<NotificationService, 'notify'> | undefined;
  },
): Promise<DetectOutcome> {
  const outcome: DetectOutcome = { created: [], reopened: [], unchanged: [] };
  if (sightings.length === 0) return outcome;
  const repo = createFindingRepo(tx);
  const days = await repo.slaDays();
  const unique = new Map(sightings.map((s) => [`${s.asset.id}:${s.vulnerabilityId}`, s]));
  const pairs = [...unique.values()].map((s) => ({ assetId: s.asset.id, vulnerabilityId: s.vulnerabilityId }));
  const existing = new Map((await repo.findByPairs(pairs)).map((f) => [`${f.assetId}:${f.vulnerabilityId}`, f]));
  const vulns = await createAdvisoryRepo(tx).findVulnerabilitiesById([...new Set(pairs.map((p) => p.vulnerabilityId))]);
  const gradeOf = new Map(vulns.map((v) => [v.id, (v.grade ?? 'medium') as VulnGrade]));
  const { now } = options;
  const events: FindingEventInsert[] = [];
  const fresh: Parameters<typeof repo.insertFindings>[0] = [];
  const seen: string[] = [];
  for (const [key, s] of unique) {
    const f = existing.get(key);
    if (!f) {
      const grade = gradeOf.get(s.vulnerabilityId) ?? 'medium';
      fresh.push({
        assetId: s.asset.id,
        vulnerabilityId: s.vulnerabilityId,
        enterpriseId: s.asset.enterpriseId,
        districtId: s.asset.districtId,
        state: 'new',
        grade,
        origin: options.origin,
        scanKey: options.scanKey ?? null,
        slaDueAt: slaDueAt(now, grade, days),
        firstSeenAt: now,
        lastSeenAt: now,
        createdAt: now,
        updatedAt: now,
      });
      continue;
    }
    const next = stateWhenSeenAgain(f.state);
    if (next) {
      const updated = await repo.update(f.id, f.version, {
        state: next,
        lastSeenAt: now,
        closedAt: null,
        verifiedById: null,
        verifiedAt: null,
        slaDueAt: slaDueAt(now, f.grade, days),
        updatedAt: now,
        ...(options.scanKey ? { scanKey: options.scanKey } : {}),
      });
      if (updated) {
        outcome.reopened.push(updated);
        events.push({
          findingId: f.id,
          fromState: f.state,
          toState: next,
          action: 'reopen',
          actorName: options.by,
          note: options.note,
          at: now,
        });
      }
      continue;
    }
    seen.push(f.id);
    outcome.unchanged.push(f);
  }
  outcome.created = await repo.insertFindings(fresh);
  for (const f of outcome.created)
    events.push({ findingId: f.id, fromState: null, toState: 'new', action: 'detect', actorName: options.by, note: options.note, at: now });
  await repo.touch(seen, now, options.scanKey);
  await repo.insertEvents(events);
  if (options.announce)
    for (const notice of findingsAssignedNotices([...outcome.created, ...outcome.reopened]))
      await options.announce.notify(tx, notice.recipients, notice.message);
  return outcome;
}

/** States in which a finding still waits for its fix. */
const AWAITING_FIX = new Set(['new', 'confirmed', 'remediating', 'reopened']);

/**
 * Records that an asset change made these (asset, vulnerability) pairs unaffected (typically a
 * firmware upgrade): findings still waiting for a fix become fixed, awaiting re-verification — by
 * someone other than `actorId`, as for any fix. Decisions and closed findings stay as they are.
 */
export async function recordFixes(
  tx: DbOrTx,
  pairs: ReadonlyArray<{ assetId: string; vulnerabilityId: string }>,
  options: { now: Date; actorId: string | null; by: string },
): Promise<number> {
  if (pairs.length === 0) return 0;
  const repo = createFindingRepo(tx);
  const events: FindingEventInsert[] = [];
  for (const f of await repo.findByPairs([...pairs])) {
    if (!AWAITING_FIX.has(f.state)) continue;
    const updated = await repo.update(f.id, f.version, {
      state: 'fixed_awaiting_verification',
      fixedById: options.actorId,
      fixedAt: options.now,
      updatedAt: options.now,
    });
    if (updated)
      events.push({
        findingId: f.id,
        fromState: f.state,
        toState: 'fixed_awaiting_verification',
        action: 'mark_fixed',
        actorId: options.actorId,
        actorName: options.by,
        note: 'the asset’s new version is no longer affected',
        at: options.now,
      });
  }
  await repo.insertEvents(events);
  return events.length;
}
