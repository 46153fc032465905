import type { AdvisoryImportOutcome, VulnGrade } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { compareTrackingVersions, type IncomingAdvisory } from './advisory.incoming.js';
import { createAdvisoryRepo, type VulnerabilityRow } from './advisory.repo.js';
import type { vulnProductEntry, vulnScore } from './advisory.table.js';
import { grade, scoreDisagrees, scoreVector } from './logic/index.js';

type EntryInsert = typeof vulnProductEntry.$inferInsert;
type ScoreInsert = typeof vulnScore.$inferInsert;

export interface WrittenAdvisory {
  outcome: Omit<AdvisoryImportOutcome, 'matches'>;
  /** Vulnerabilities whose product data changed (to re-match); empty when skipped. */
  vulnerabilityIds: string[];
}

/**
 * Writes one advisory inside `tx`: a new tracking id is created; a newer version replaces the
 * advisory's product entries and scores and keeps the older document as a revision; the same or
 * an older version is skipped. Vulnerabilities are found or created by key (CVE id first), so a
 * CVE record and a CSAF advisory of one CVE share one vulnerability while each keeps its entries.
 */
export async function writeAdvisory(
  tx: DbOrTx,
  actor: Actor,
  audit: Pick<AuditService, 'append'>,
  incoming: IncomingAdvisory,
  now: Date,
): Promise<WrittenAdvisory> {
  const repo = createAdvisoryRepo(tx);
  await repo.lockTracking(incoming.source, incoming.trackingId);
  const current = await repo.findAdvisory(incoming.source, incoming.trackingId);
  const counts = {
    trackingId: incoming.trackingId,
    trackingVersion: incoming.trackingVersion,
    vulnerabilities: incoming.extraction.vulnerabilities.length,
    entries: incoming.extraction.entries.length,
    warnings: incoming.extraction.warnings,
  };
  if (current && compareTrackingVersions(incoming.trackingVersion, current.trackingVersion) <= 0)
    return {
      outcome: { ...counts, advisoryId: current.id, trackingVersion: current.trackingVersion, outcome: 'skipped' },
      vulnerabilityIds: [],
    };

  const facts = {
    trackingVersion: incoming.trackingVersion,
    title: incoming.title,
    publisher: incoming.publisher,
    initialReleaseAt: incoming.initialReleaseAt,
    currentReleaseAt: incoming.currentReleaseAt,
    revisionHistory: incoming.revisionHistory,
    document: incoming.document,
    sha256: incoming.sha256,
    warnings: incoming.extraction.warnings,
    importedById: actor.userId,
    updatedAt: now,
  };
  let advisoryId: string;
  let previous: string[] = [];
  if (current) {
    advisoryId = current.id;
    previous = await repo.clearAdvisoryFacts(advisoryId);
    await repo.updateAdvisory(advisoryId, facts);
  } else {
    advisoryId = (await repo.insertAdvisory({ ...facts, source: incoming.source, trackingId: incoming.trackingId, createdAt: now })).id;
  }
  // The row now holds this version (facts above): the revision copies it server-side.
  await repo.insertRevisionOfCurrent(advisoryId, current ? `${current.trackingVersion} → ${incoming.trackingVersion}` : null, now);

  const idOfKey = await upsertVulnerabilities(tx, incoming, now);
  const ids = [...new Set(idOfKey.values())];
  await repo.link(advisoryId, ids);
  await repo.insertEntries(entryRows(incoming, advisoryId, idOfKey));
  await repo.insertScores(scoreRows(incoming, advisoryId, idOfKey));
  const touched = [...new Set([...ids, ...previous])];
  await regrade(tx, touched, incoming.statedGrades, idOfKey, now);
  const outcome = { ...counts, advisoryId, outcome: current ? ('updated' as const) : ('created' as const) };
  await audit.append(tx, actor, {
    action: current ? 'vulnerability.advisory_update' : 'vulnerability.advisory_import',
    entityType: 'vuln_advisory',
    entityId: advisoryId,
    ...(current ? { before: { trackingVersion: current.trackingVersion, sha256: current.sha256 } } : {}),
    after: { source: incoming.source, ...counts, sha256: incoming.sha256, vulnerabilityKeys: [...idOfKey.keys()] },
  });
  return { outcome, vulnerabilityIds: touched };
}

type AdvisoryFacts = Pick<IncomingAdvisory, 'source' | 'extraction'>;

/** The product entry rows of an advisory, with vulnerability keys turned into row ids. */
export function entryRows(incoming: AdvisoryFacts, advisoryId: string, idOfKey: ReadonlyMap<string, string>): EntryInsert[] {
  return incoming.extraction.entries.flatMap((e) => {
    const vulnerabilityId = idOfKey.get(e.vulnerabilityId);
    if (!vulnerabilityId) return [];
    return [
      {
        advisoryId,
        vulnerabilityId,
        source: incoming.source,
        productId: e.productId,
        vendor: e.vendor,
        product: e.product,
        productNames: e.productNames,
        fullName: e.fullName,
        models: e.models,
        cpes: e.cpes,
        versionRaw: e.versionRaw,
        range: e.range,
        status: e.status,
        platform: e.platform ?? null,
      },
    ];
  });
}

/** The score rows of an advisory: each vector recomputed, compared with the stated score and graded. */
export function scoreRows(incoming: AdvisoryFacts, advisoryId: string, idOfKey: ReadonlyMap<string, string>): ScoreInsert[] {
  return incoming.extraction.scores.flatMap((s) => {
    const vulnerabilityId = idOfKey.get(s.vulnerabilityId);
    if (!vulnerabilityId) return [];
    const computed = scoreOnce(s.vector);
    return [
      {
        vulnerabilityId,
        advisoryId,
        cvssVersion: computed.ok ? computed.version : s.version,
        vector: s.vector,
        statedScore: s.baseScore ?? null,
        computedScore: computed.ok ? computed.baseScore : null,
        severity: computed.ok ? computed.severity : (s.baseSeverity ?? null),
        grade: computed.ok ? grade(computed.baseScore) : s.baseScore !== undefined ? grade(s.baseScore) : null,
        disagrees: computed.ok ? scoreDisagrees(s.baseScore, computed.baseScore) : false,
        error: computed.ok ? null : computed.error,
      },
    ];
  });
}

/**
 * Recomputed scores by vector: scoring is pure and a corpus repeats few vectors (116 distinct in
 * the ten fixtures' 415), so a directory import scores each once. Bounded: cleared when full.
 */
const scored = new Map<string, ReturnType<typeof scoreVector>>();
function scoreOnce(vector: string): ReturnType<typeof scoreVector> {
  let s = scored.get(vector);
  if (!s) {
    if (scored.size >= 10_000) scored.clear();
    s = scoreVector(vector);
    scored.set(vector, s);
  }
  return s;
}

/** Finds or creates each vulnerability of the extraction by key; fills in texts the row lacks. */
async function upsertVulnerabilities(tx: DbOrTx, incoming: IncomingAdvisory, now: Date): Promise<Map<string, string>> {
  const repo = createAdvisoryRepo(tx);
  const keys = [...new Set(incoming.extraction.vulnerabilities.map((v) => v.id))];
  const found = new Map((await repo.findVulnerabilitiesByKey(keys)).map((v) => [v.key, v]));
  const idOfKey = new Map<string, string>();
  const fresh: Parameters<typeof repo.insertVulnerabilities>[0] = [];
  for (const v of incoming.extraction.vulnerabilities) {
    const text = incoming.texts.get(v.id) ?? {};
    const row = found.get(v.id);
    if (!row) {
      if (fresh.some((f) => f.key === v.id)) continue;
      fresh.push({
        key: v.id,
        cve: v.cve ?? null,
        cnvd: text.cnvd ?? null,
        title: text.title ?? v.title ?? text.titleZh ?? v.id,
        titleZh: text.titleZh ?? null,
        description: text.description ?? null,
        cwe: v.cwe ?? null,
        details: text.details ?? {},
        publishedAt: text.publishedAt ?? null,
        createdAt: now,
        updatedAt: now,
      });
      continue;
    }
    idOfKey.set(v.id, row.id);
    const patch: Partial<VulnerabilityRow> = {};
    if (!row.cve && v.cve) patch.cve = v.cve;
    if (!row.cnvd && text.cnvd) patch.cnvd = text.cnvd;
    if (!row.titleZh && text.titleZh) patch.titleZh = text.titleZh;
    if (!row.description && text.description) patch.description = text.description;
    if (!row.cwe && v.cwe) patch.cwe = v.cwe;
    if (text.details) patch.details = { ...row.details, ...text.details };
    if (!row.publishedAt && text.publishedAt) patch.publishedAt = text.publishedAt;
    if (Object.keys(patch).length) await repo.updateVulnerability(row.id, { ...patch, updatedAt: now });
  }
  for (const row of await repo.insertVulnerabilities(fresh)) idOfKey.set(row.key, row.id);
  return idOfKey;
}

/**
 * A vulnerability's grade is that of its highest recomputed base score over every source (the
 * stated score when a vector could not be read); without any score, a grade stated by an analyst.
 */
export async function regrade(tx: DbOrTx, ids: string[], stated: Map<string, VulnGrade>, idOfKey: Map<string, string>, now: Date) {
  const repo = createAdvisoryRepo(tx);
  const summary = new Map((await repo.scoreSummaries(ids)).map((s) => [s.id, s]));
  const statedById = new Map<string, VulnGrade>();
  for (const [key, g] of stated) {
    const id = idOfKey.get(key);
    if (id) statedById.set(id, g);
  }
  await repo.setGrades(
    ids.map((id) => {
      const best = summary.get(id)?.best ?? null;
      return {
        id,
        baseScore: best,
        grade: best !== null ? grade(best) : (statedById.get(id) ?? null),
        scoreDisagrees: summary.get(id)?.disagrees ?? false,
      };
    }),
    now,
  );
}
