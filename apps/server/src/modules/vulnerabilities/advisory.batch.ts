import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditRecord, AuditService } from '../../platform/audit/audit.service.js';
import { createAdvisoryBatchRepo, type VulnerabilityBatchRow } from './advisory.batch.repo.js';
import { compareTrackingVersions } from './advisory.incoming.js';
import { createAdvisoryRepo } from './advisory.repo.js';
import { entryRows, regrade, scoreRows } from './advisory.write.js';
import type { CheckedAdvisory } from './csaf-check.js';

export type BatchOutcome = 'created' | 'updated' | 'skipped';

export interface WrittenBatch {
  /** One outcome per advisory, in the order given. */
  outcomes: BatchOutcome[];
  /** Vulnerabilities whose product data changed (to re-match). */
  vulnerabilityIds: string[];
}

/**
 * Writes a batch of validated CSAF advisories inside `tx` with the semantics of writeAdvisory —
 * a new tracking id is created, a newer version replaces the advisory's entries and scores and is
 * kept as a revision, the same or an older version is skipped — in a dozen multi-row statements
 * for the whole batch. The tracking ids of a batch must be distinct (the caller splits).
 */
export async function writeCsafBatch(
  tx: DbOrTx,
  actor: Actor,
  audit: Pick<AuditService, 'appendMany'>,
  items: readonly CheckedAdvisory[],
  now: Date,
): Promise<WrittenBatch> {
  const repo = createAdvisoryBatchRepo(tx);
  const trackingIds = items.map((i) => i.trackingId);
  await repo.lockTrackings('csaf', trackingIds);
  const current = new Map((await repo.findByTracking('csaf', trackingIds)).map((r) => [r.tracking_id, r]));
  const outcomes = items.map((i): BatchOutcome => {
    const c = current.get(i.trackingId);
    if (!c) return 'created';
    return compareTrackingVersions(i.trackingVersion, c.tracking_version) > 0 ? 'updated' : 'skipped';
  });
  const fresh = items.filter((_, k) => outcomes[k] !== 'skipped');
  if (fresh.length === 0) return { outcomes, vulnerabilityIds: [] };

  const replaced = fresh.flatMap((i) => current.get(i.trackingId)?.id ?? []);
  const previous = await repo.clearFacts(replaced);
  const written = await repo.upsertAdvisories(
    'csaf',
    fresh.map((i) => ({ ...i, warnings: i.extraction.warnings, documentJson: i.raw })),
    actor.userId,
    now,
  );
  const advisoryIdOf = new Map(written.map((w) => [w.tracking_id, w.id]));
  const idOf = (i: CheckedAdvisory) => advisoryIdOf.get(i.trackingId) as string;
  await repo.insertRevisions(
    fresh.map((i) => {
      const before = current.get(i.trackingId);
      return { advisoryId: idOf(i), summary: before ? `${before.tracking_version} → ${i.trackingVersion}` : null };
    }),
    now,
  );

  const idOfKey = await upsertVulnerabilities(tx, fresh, now);
  const linked = new Set<string>();
  const pairs = fresh.flatMap((i) =>
    [...new Set(i.extraction.vulnerabilities.flatMap((v) => idOfKey.get(v.id) ?? []))].map((vulnerabilityId) => {
      linked.add(vulnerabilityId);
      return { advisoryId: idOf(i), vulnerabilityId };
    }),
  );
  await repo.link(pairs);
  const advisories = createAdvisoryRepo(tx);
  await advisories.insertEntries(fresh.flatMap((i) => entryRows(i, idOf(i), idOfKey)));
  await advisories.insertScores(fresh.flatMap((i) => scoreRows(i, idOf(i), idOfKey)));
  const touched = [...new Set([...linked, ...previous])];
  await regrade(tx, touched, new Map(), idOfKey, now);

  const records: AuditRecord[] = fresh.map((i) => {
    const before = current.get(i.trackingId);
    const keys = [...new Set(i.extraction.vulnerabilities.map((v) => v.id))].filter((k) => idOfKey.has(k));
    return {
      action: before ? 'vulnerability.advisory_update' : 'vulnerability.advisory_import',
      entityType: 'vuln_advisory',
      entityId: idOf(i),
      ...(before ? { before: { trackingVersion: before.tracking_version, sha256: before.sha256 } } : {}),
      after: {
        source: 'csaf',
        trackingId: i.trackingId,
        trackingVersion: i.trackingVersion,
        vulnerabilities: i.extraction.vulnerabilities.length,
        entries: i.extraction.entries.length,
        warnings: i.extraction.warnings,
        sha256: i.sha256,
        vulnerabilityKeys: keys,
      },
    };
  });
  await audit.appendMany(tx, actor, records);
  return { outcomes, vulnerabilityIds: touched };
}

/**
 * Finds or creates the vulnerabilities of every advisory of the batch by key. A new key takes the
 * texts of the first advisory naming it; later ones (and existing rows) only fill in what is missing,
 * as one advisory after another would.
 */
async function upsertVulnerabilities(tx: DbOrTx, items: readonly CheckedAdvisory[], now: Date): Promise<Map<string, string>> {
  const wanted = new Map<string, VulnerabilityBatchRow>();
  for (const i of items)
    for (const v of i.extraction.vulnerabilities) {
      const text = i.texts.get(v.id) ?? {};
      const row: VulnerabilityBatchRow = {
        key: v.id,
        cve: v.cve ?? null,
        cnvd: text.cnvd ?? null,
        title: text.title ?? v.title ?? text.titleZh ?? v.id,
        titleZh: text.titleZh ?? null,
        description: text.description ?? null,
        cwe: v.cwe ?? null,
        details: text.details ?? null,
        publishedAt: text.publishedAt ?? null,
      };
      const first = wanted.get(v.id);
      wanted.set(v.id, first ? fillIn(first, row) : row);
    }
  const idOfKey = new Map<string, string>();
  const existing = await createAdvisoryRepo(tx).findVulnerabilitiesByKey([...wanted.keys()]);
  const fills: VulnerabilityBatchRow[] = [];
  const lacking = (ex: (typeof existing)[number], row: VulnerabilityBatchRow) => {
    const fill = { ...row, id: ex.id };
    const needed =
      (!ex.cve && row.cve) ||
      (!ex.cnvd && row.cnvd) ||
      (!ex.titleZh && row.titleZh) ||
      (!ex.description && row.description) ||
      (!ex.cwe && row.cwe) ||
      row.details ||
      (!ex.publishedAt && row.publishedAt);
    if (needed) fills.push(fill);
  };
  for (const ex of existing) {
    idOfKey.set(ex.key, ex.id);
    const row = wanted.get(ex.key);
    if (row) lacking(ex, row);
  }
  const repo = createAdvisoryBatchRepo(tx);
  const fresh = [...wanted.values()].filter((r) => !idOfKey.has(r.key));
  for (const r of await repo.insertVulnerabilities(fresh, now)) idOfKey.set(r.key, r.id);
  // Keys another import created between the look-up and the insert: fill them in like existing rows.
  const raced = fresh.filter((r) => !idOfKey.has(r.key)).map((r) => r.key);
  for (const ex of await createAdvisoryRepo(tx).findVulnerabilitiesByKey(raced)) {
    idOfKey.set(ex.key, ex.id);
    const row = wanted.get(ex.key);
    if (row) lacking(ex, row);
  }
  await repo.fillVulnerabilities(fills, now);
  return idOfKey;
}

/** `a` with its missing values taken from `b` (details merged, `a`'s winning). */
function fillIn(a: VulnerabilityBatchRow, b: VulnerabilityBatchRow): VulnerabilityBatchRow {
  return {
    ...a,
    cve: a.cve ?? b.cve,
    cnvd: a.cnvd ?? b.cnvd,
    titleZh: a.titleZh ?? b.titleZh,
    description: a.description ?? b.description,
    cwe: a.cwe ?? b.cwe,
    details: a.details || b.details ? { ...b.details, ...a.details } : null,
    publishedAt: a.publishedAt ?? b.publishedAt,
  };
}
