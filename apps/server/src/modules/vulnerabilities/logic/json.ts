import { cvssVersionOf } from './scoring.js';
import type { StatedScore } from './types.js';

/** Readers for untrusted JSON (advisories, CVE records): wrong types read as empty, never throw. */
export type Json = Record<string, unknown>;

export function obj(v: unknown): Json | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
export function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * The CVSS scores stated in `holder` under the given keys (CSAF `cvss_v3`, CVE `cvssV3_1`, …):
 * each a `{ vectorString, baseScore?, baseSeverity? }` object.
 */
export function statedScores(holder: Json | null, keys: readonly string[], vulnerabilityId: string, productIds: string[]): StatedScore[] {
  const out: StatedScore[] = [];
  for (const key of keys) {
    const c = obj(holder?.[key]);
    const vector = str(c?.vectorString);
    if (!c || !vector) continue;
    const version = cvssVersionOf(vector) ?? (str(c.version) as StatedScore['version']);
    const stated: StatedScore = { vulnerabilityId, productIds, version, vector };
    if (typeof c.baseScore === 'number') stated.baseScore = c.baseScore;
    if (str(c.baseSeverity)) stated.baseSeverity = str(c.baseSeverity);
    out.push(stated);
  }
  return out;
}
