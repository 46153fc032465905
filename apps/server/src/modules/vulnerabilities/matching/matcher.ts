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
  type MatchIndex,
  matchAsset,
  type ProductStatus,
  type VersionRange,
} from '../logic/index.js';
import { createMatchRepo, type MatchableAsset, type MatchInsert } from './match.repo.js';

/** The matcher's input built from the database: the index and vulnerability key → row id. */
export interface LoadedIndex {
  index: MatchIndex;
  idOfKey: Map<string, string>;
}

export type MatchCounts = Omit<RematchResult, 'assets'>;

/** Loads product entries (all, or of some vulnerabilities) and aliases into a match index. */
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
    if (entry.platform) e.platform = entry.platform;
    return e;
  });
  return { index: createMatchIndex(entries, { aliases }), idOfKey };
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
 * Matches assets against a loaded index and stores the outcome inside `tx`: matches are upserted
 * (a changed verdict clears an analyst's review), matches no longer produced are removed, and an
 * affected match that was not affected before becomes a new or reopened finding. `vulnerabilityIds`
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
  let affected = 0;
  let needsReview = 0;
  for (const asset of assets) {
    const results = matchAsset(
      { id: asset.id, vendor: asset.vendor, product: asset.product, model: asset.model, version: asset.firmwareVersion },
      loaded.index,
    );
    for (const m of results) {
      const vulnerabilityId = loaded.idOfKey.get(m.vulnerabilityId);
      if (!vulnerabilityId || m.verdict === 'not_affected') continue;
      const key = `${asset.id}:${vulnerabilityId}`;
      if (kept.has(key)) continue;
      kept.add(key);
      const before = existing.get(key);
      const wasAffected = before ? (before.reviewVerdict ?? before.verdict) === 'affected' : false;
      const nowAffected =
        before && before.verdict === m.verdict ? (before.reviewVerdict ?? m.verdict) === 'affected' : m.verdict === 'affected';
      if (m.verdict === 'affected') affected++;
      else needsReview++;
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
  await repo.upsert(rows);
  const removed = [...existing.entries()].filter(([key]) => !kept.has(key));
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
