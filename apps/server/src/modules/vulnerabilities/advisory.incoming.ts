import { createHash } from 'node:crypto';
import type { ManualVulnerabilityInput } from '@suilian/contracts';
import { type AffectedEntry, type Extraction, extractCsafAffected, extractCveAffected, parseAffectedVersions } from './logic/index.js';

/**
 * One advisory as the importer writes it, whatever its source: the tracking facts, the raw
 * document, the extraction (vulnerabilities, product entries, stated scores) and per-vulnerability
 * texts. Built by the three readers below; no I/O.
 */
export interface IncomingAdvisory {
  source: 'csaf' | 'cve' | 'manual';
  trackingId: string;
  trackingVersion: string;
  title: string;
  publisher: string | null;
  initialReleaseAt: Date | null;
  currentReleaseAt: Date | null;
  revisionHistory: Array<{ number: string; date: string; summary: string }>;
  document: unknown;
  sha256: string;
  extraction: Extraction;
  /** Texts per vulnerability id of the extraction. */
  texts: Map<
    string,
    { title?: string; titleZh?: string; description?: string; cnvd?: string; details?: Record<string, string>; publishedAt?: Date }
  >;
  /** A grade stated without a vector (manual records). */
  statedGrades: Map<string, 'critical' | 'high' | 'medium' | 'low'>;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const date = (v: unknown): Date | null => {
  const d = new Date(str(v));
  return str(v) && !Number.isNaN(d.getTime()) ? d : null;
};

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads a CSAF 2.0 document that has passed the validator. */
export function incomingCsaf(doc: unknown, raw: string): IncomingAdvisory {
  const d = obj(obj(doc).document);
  const tracking = obj(d.tracking);
  const extraction = extractCsafAffected(doc);
  const texts: IncomingAdvisory['texts'] = new Map();
  const vulns = arr(obj(doc).vulnerabilities);
  extraction.vulnerabilities.forEach((v, i) => {
    const source = obj(vulns[i]);
    const notes = arr(source.notes).map(obj);
    const description = notes.find((n) => str(n.category) === 'summary') ?? notes.find((n) => str(n.category) === 'description');
    const released = date(source.release_date) ?? date(tracking.initial_release_date);
    texts.set(v.id, {
      title: v.title ?? str(d.title),
      ...(description ? { description: str(description.text) } : {}),
      ...(released ? { publishedAt: released } : {}),
    });
  });
  return {
    source: 'csaf',
    trackingId: str(tracking.id),
    trackingVersion: str(tracking.version),
    title: str(d.title),
    publisher: str(obj(d.publisher).name) || null,
    initialReleaseAt: date(tracking.initial_release_date),
    currentReleaseAt: date(tracking.current_release_date),
    revisionHistory: arr(tracking.revision_history).map((r) => ({
      number: str(obj(r).number),
      date: str(obj(r).date),
      summary: str(obj(r).summary),
    })),
    document: doc,
    sha256: sha256(raw),
    extraction,
    texts,
    statedGrades: new Map(),
  };
}

/** Why a CVE JSON 5.x record cannot be imported, or null. */
export function checkCveRecord(record: unknown): string[] {
  const r = obj(record);
  const problems: string[] = [];
  if (str(r.dataType) !== 'CVE_RECORD') problems.push('dataType: must be "CVE_RECORD"');
  if (!/^5\./.test(str(r.dataVersion))) problems.push('dataVersion: must be 5.x');
  const id = str(obj(r.cveMetadata).cveId);
  if (!/^CVE-\d{4}-\d{4,}$/.test(id)) problems.push('cveMetadata.cveId: must be CVE-YYYY-NNNN');
  if (!obj(obj(r.containers).cna) || Object.keys(obj(obj(r.containers).cna)).length === 0) problems.push('containers.cna: required');
  return problems;
}

/** Reads a CVE JSON 5.x record (checked by checkCveRecord). The record's dateUpdated is its version. */
export function incomingCve(record: unknown, raw: string): IncomingAdvisory {
  const r = obj(record);
  const meta = obj(r.cveMetadata);
  const cna = obj(obj(r.containers).cna);
  const extraction = extractCveAffected(record);
  const id = str(meta.cveId).toUpperCase();
  const description = arr(cna.descriptions)
    .map(obj)
    .find((d) => str(d.lang).startsWith('en'));
  const published = date(meta.datePublished);
  const texts: IncomingAdvisory['texts'] = new Map([
    [
      id,
      {
        title: str(cna.title) || id,
        ...(description ? { description: str(description.value) } : {}),
        ...(published ? { publishedAt: published } : {}),
      },
    ],
  ]);
  return {
    source: 'cve',
    trackingId: id,
    trackingVersion: str(meta.dateUpdated) || str(meta.datePublished) || '1',
    title: str(cna.title) || id,
    publisher: str(obj(cna.providerMetadata).shortName) || str(meta.assignerShortName) || null,
    initialReleaseAt: published,
    currentReleaseAt: date(meta.dateUpdated) ?? published,
    revisionHistory: [],
    document: record,
    sha256: sha256(raw),
    extraction,
    texts,
    statedGrades: new Map(),
  };
}

/**
 * An analyst's CNVD / CICSVD record. Its key is the CVE id when given (so it joins the CVE's
 * vulnerability), else the CNVD id. Each product's versions are read as free text.
 */
export function incomingManual(input: ManualVulnerabilityInput, version: string): IncomingAdvisory {
  const key = input.cve ?? input.id;
  const entries: AffectedEntry[] = input.products.map((p, i) => ({
    // The engine knows CSAF and CVE sources; a manual record reads like a CVE record's free text.
    source: 'cve',
    advisoryId: input.id,
    vulnerabilityId: key,
    productId: `products[${i}]`,
    vendor: p.vendor,
    product: p.product,
    productNames: [],
    fullName: `${p.vendor} ${p.product}`,
    models: p.models,
    cpes: [],
    versionRaw: p.versions,
    range: parseAffectedVersions(p.versions, 'text'),
    status: p.status,
  }));
  const doc = { ...input };
  const raw = JSON.stringify(doc);
  const details: Record<string, string> = { 漏洞描述: input.descriptionZh };
  if (input.solutionZh) details.解决方案 = input.solutionZh;
  return {
    source: 'manual',
    trackingId: input.id,
    trackingVersion: version,
    title: input.titleZh,
    publisher: input.id.startsWith('CICSVD') ? '国家工业信息安全漏洞库 (CICSVD)' : '国家信息安全漏洞共享平台 (CNVD)',
    initialReleaseAt: new Date(`${input.publishedAt}T00:00:00Z`),
    currentReleaseAt: new Date(`${input.publishedAt}T00:00:00Z`),
    revisionHistory: [],
    document: doc,
    sha256: sha256(raw),
    extraction: {
      advisoryId: input.id,
      vulnerabilities: [{ id: key, ...(input.cve ? { cve: input.cve } : {}), title: input.titleZh }],
      entries,
      scores: input.cvssVector ? [{ vulnerabilityId: key, productIds: [], version: '3.1', vector: input.cvssVector }] : [],
      warnings: [],
    },
    texts: new Map([
      [
        key,
        {
          titleZh: input.titleZh,
          description: input.descriptionZh,
          cnvd: input.id,
          details,
          publishedAt: new Date(`${input.publishedAt}T00:00:00Z`),
        },
      ],
    ]),
    statedGrades: input.grade ? new Map([[key, input.grade]]) : new Map(),
  };
}

/** Orders two tracking versions: CSAF integer or semantic versions, CVE timestamps; -1, 0, 1. */
export function compareTrackingVersions(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (/\d{4}-\d{2}-\d{2}/.test(a) && /\d{4}-\d{2}-\d{2}/.test(b) && !Number.isNaN(ta) && !Number.isNaN(tb)) return Math.sign(ta - tb);
  const pa = a.split(/[.+-]/).map((x) => Number.parseInt(x, 10));
  const pb = b.split(/[.+-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.localeCompare(b);
    if (x !== y) return Math.sign(x - y);
  }
  return 0;
}
