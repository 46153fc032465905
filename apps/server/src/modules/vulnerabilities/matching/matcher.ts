import type { RematchResult } from '@suilian/contracts';
import type { DbOrTx } from '../../../db/client.js';
import type { NotificationService } from '../../notifications/index.js';
import { createAdvisoryRepo } from '../advisory.repo.js';
import { recordFixes, recordSightings, type Sighting } from '../findings/detect.js';
import {
  type AffectedEntry,
  type AssetMatch,
  createAliasIndex,
  createMatchIndex,
  csafVulnerabilityId,
  currentRange,
  type FixStatement,
  type MatchIndex,
  matchAsset,
  type ProductStatus,
  type VersionRange,
  withFixes,
} from '../logic/index.js';
import { createMatchRepo, type MatchableAsset, type MatchInsert } from './match.repo.js';

/** The matcher's input built from the database: the index and vulnerability key → row id. */
export interface LoadedIndex {
  index: MatchIndex;
  idOfKey: Map<string, string>;
}

export type MatchCounts = Omit<RematchResult, 'assets'>;

/** Loads product entries (all, or of some vulnerabilities), their advisories' fixes and the aliases into a match index. */
export async function loadIndex(db: DbOrTx, vulnerabilityIds?: string[]): Promise<LoadedIndex> {
  const repo = createAdvisoryRepo(db);
  const aliases = createAliasIndex((await repo.aliases()).map((a) => ({ canonical: a.canonical, names: a.names })));
  const rows = await repo.allEntries(vulnerabilityIds);
  const idOfKey = new Map<string, string>();
  const entries: AffectedEntry[] = rows.map(({ entry, key, trackingId }) => {
    idOfKey.set(key, entry.vulnerabilityId);
    const e: AffectedEntry = {
      source: entry.source === 'csaf' ? 'csaf' : 'cve',
      advisoryId: trackingId,
      vulnerabilityId: key,
      productId: entry.productId,
      vendor: entry.vendor,
      product: entry.product,
      productNames: entry.productNames,
      fullName: entry.fullName,
      models: entry.models,
      cpes: entry.cpes,
      versionRaw: entry.versionRaw,
      range: entry.range as VersionRange,
      status: entry.status as ProductStatus,
    };
    // Ranges are stored as read at import; today's reading applies to old advisories too.
    e.range = currentRange(e);
    if (entry.platform) e.platform = entry.platform;
    return e;
  });
  const fixes: FixStatement[] = (await createMatchRepo(db).fixStatements(vulnerabilityIds)).map((r) => ({
    vulnerabilityId: csafVulnerabilityId({ cve: r.cve, firstId: r.firstId }, r.trackingId, r.index, r.total),
    productIds: Array.isArray(r.productIds) ? r.productIds.filter((p): p is string => typeof p === 'string') : [],
    details: r.details ?? '',
  }));
  // Not-affected verdicts are stored too (with their reasons): "checked, fixed" is not "never recognised".
  return { index: createMatchIndex(withFixes(entries, fixes), { aliases, includeNotAffected: true }), idOfKey };
}

function evidenceOf(m: AssetMatch) {
  return m.evidence.map((e) => ({
    advisory: e.entry.advisoryId,
    productId: e.entry.productId,
    product: e.entry.product,
    status: e.entry.status,
    versions: e.entry.versionRaw,
    verdict: e.verdict,
    reasons: e.reasons,
  }));
}

/**
 * Matches assets against a loaded index and stores the outcome inside `tx`: matches are upserted,
 * not-affected ones with their reasons too; an analyst's review stands unless the asset changed and
 * the verdict with it; matches no longer produced are removed unless reviewed; and an affected match
 * that was not affected before becomes a new or reopened finding. `vulnerabilityIds`
 * limits which existing matches this run may remove (an advisory import touches only its own).
 */
export async function matchAndStore(
  tx: DbOrTx,
  assets: readonly MatchableAsset[],
  loaded: LoadedIndex,
  options: {
    now: Date;
    vulnerabilityIds?: string[];
    by: string;
    note: string;
    /** Scan reconciliation records findings itself: it passes false and reads `collect`. */
    recordFindings?: boolean;
    /** Receives every (asset, vulnerability) that is affected after this run. */
    collect?: Sighting[];
    /**
     * The person whose asset change this is: open findings the asset no longer matches (a
     * firmware upgrade) become fixed, awaiting re-verification by someone else.
     */
    fixedBy?: { id: string | null; name: string };
    /** Who tells the enterprises of new findings (issue #12 item 2); without it nobody is told. */
    announce?: Pick<NotificationService, 'notify'> | undefined;
  },
): Promise<MatchCounts> {
  const repo = createMatchRepo(tx);
  const existing = new Map(
    (
      await repo.existing(
        assets.map((a) => a.id),
        options.vulnerabilityIds,
      )
    ).map((m) => [`${m.assetId}:${m.vulnerabilityId}`, m]),
  );
  const rows: MatchInsert[] = [];
  const sightings: Sighting[] = [];
  const kept = new Set<string>();
  const stillAffected = new Set<string>();
  // Reviews answer the asset as it was: they stand unless the asset itself changed (fixedBy).
  const keepReviews = !options.fixedBy;
  let affected = 0;
  let needsReview = 0;
  for (const asset of assets) {
    const results = matchAsset(
      { id: asset.id, vendor: asset.vendor, product: asset.product, model: asset.model, version: asset.firmwareVersion },
      loaded.index,
    );
    for (const m of results) {
      const vulnerabilityId = loaded.idOfKey.get(m.vulnerabilityId);
      if (!vulnerabilityId) continue;
      const key = `${asset.id}:${vulnerabilityId}`;
      if (kept.has(key)) continue;
      kept.add(key);
      const before = existing.get(key);
      const wasAffected = before ? (before.reviewVerdict ?? before.verdict) === 'affected' : false;
      const review = before && (keepReviews || before.verdict === m.verdict) ? before.reviewVerdict : null;
      const nowAffected = (review ?? m.verdict) === 'affected';
      if (m.verdict === 'affected') affected++;
      else if (m.verdict === 'needs_review') needsReview++;
      rows.push({
        assetId: asset.id,
        vulnerabilityId,
        enterpriseId: asset.enterpriseId,
        districtId: asset.districtId,
        verdict: m.verdict,
        reasons: m.reasons,
        evidence: evidenceOf(m),
        matchedAt: options.now,
      });
      if (nowAffected && !wasAffected) sightings.push({ asset, vulnerabilityId });
      if (nowAffected) {
        stillAffected.add(key);
        options.collect?.push({ asset, vulnerabilityId });
      }
    }
  }
  await repo.upsert(rows, { keepReviews });
  // A match the matcher no longer produces goes, unless an analyst decided it and the asset is as it was.
  const removed = [...existing.entries()].filter(([key, m]) => !kept.has(key) && !(keepReviews && m.reviewVerdict));
  await repo.remove(removed.map(([, m]) => m.id));
  if (options.fixedBy && options.recordFindings !== false) {
    const gone = [...existing.values()].filter(
      (m) => (m.reviewVerdict ?? m.verdict) === 'affected' && !stillAffected.has(`${m.assetId}:${m.vulnerabilityId}`),
    );
    await recordFixes(tx, gone, { now: options.now, actorId: options.fixedBy.id, by: options.fixedBy.name });
  }
  if (options.recordFindings === false) return { affected, needsReview, findingsCreated: 0, findingsReopened: 0 };
  const outcome = await recordSightings(tx, sightings, {
    now: options.now,
    origin: 'match',
    by: options.by,
    note: options.note,
    announce: options.announce,
  });
  return { affected, needsReview, findingsCreated: outcome.created.length, findingsReopened: outcome.reopened.length };
}
