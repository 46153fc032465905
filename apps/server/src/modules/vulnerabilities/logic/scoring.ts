// The package ships one webpack (CommonJS) bundle: under Node's ESM loader only its default export
// exists, so the classes are taken from it rather than imported by name.
import cvssLibrary from 'ae-cvss-calculator';
import type { CvssError, CvssScore, CvssVersion, Grade, Severity } from './types.js';

const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssLibrary;

/** Longest vector we look at; real ones are under 200 characters. */
const MAX_VECTOR_LENGTH = 400;

const V2_BASE = /^(\(?)AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC]/;

/** Which CVSS version a vector string is written in, or null. */
export function cvssVersionOf(vector: string): CvssVersion | null {
  const v = vector.trim();
  if (v.startsWith('CVSS:4.0/')) return '4.0';
  if (v.startsWith('CVSS:3.1/')) return '3.1';
  if (v.startsWith('CVSS:3.0/')) return '3.0';
  if (V2_BASE.test(v)) return '2.0';
  return null;
}

/** The base metrics every version requires (all must be present exactly once). */
const REQUIRED: Record<CvssVersion, string[]> = {
  '2.0': ['AV', 'AC', 'Au', 'C', 'I', 'A'],
  '3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

/** Severity bands of the CVSS specification (3.x and 4.0; 2.0 has no "critical" or "none"). */
export function severityOf(score: number, version: CvssVersion = '3.1'): Severity {
  if (version === '2.0') return score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  if (score === 0) return 'none';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

function fail(vector: string, error: string): CvssError {
  return { ok: false, vector, error };
}

/** Parses a CVSS 2.0 / 3.0 / 3.1 / 4.0 vector and recomputes its base score; never throws. */
export function scoreVector(vector: string): CvssScore | CvssError {
  if (typeof vector !== 'string' || vector.trim() === '') return fail(String(vector ?? ''), 'empty CVSS vector');
  const v = vector.trim();
  if (v.length > MAX_VECTOR_LENGTH) return fail(v.slice(0, 60), `CVSS vector longer than ${MAX_VECTOR_LENGTH} characters`);
  const version = cvssVersionOf(v);
  if (!version) return fail(v, 'not a CVSS vector: expected a "CVSS:3.1/", "CVSS:3.0/" or "CVSS:4.0/" prefix, or a CVSS 2.0 base vector');
  const body = version === '2.0' ? v.replace(/^\(|\)$/g, '') : v.slice('CVSS:x.y/'.length);
  const seen = new Set<string>();
  for (const part of body.split('/')) {
    const [metric, value, extra] = part.split(':');
    if (!metric || !value || extra !== undefined) return fail(v, `malformed CVSS metric "${part}"`);
    if (seen.has(metric)) return fail(v, `CVSS metric ${metric} appears twice`);
    seen.add(metric);
  }
  const missing = REQUIRED[version].filter((m) => !seen.has(m));
  if (missing.length) return fail(v, `CVSS ${version} vector lacks base metric(s) ${missing.join(', ')}`);
  try {
    const calc =
      version === '4.0' ? new Cvss4P0(v) : version === '3.1' ? new Cvss3P1(v) : version === '3.0' ? new Cvss3P0(v) : new Cvss2(body);
    if (!calc.isBaseFullyDefined()) return fail(v, `CVSS ${version} vector has an unknown value in a base metric`);
    const scores = calc.calculateScores();
    // CVSS 4.0 has one score per vector (CVSS-B, -BT, -BE, -BTE); the base score is CVSS-B, the
    // score of the base metrics alone, which is what advisories state as baseScore.
    const base = 'baseMetricsOnly' in scores ? scores.baseMetricsOnly : scores.base;
    if (typeof base !== 'number' || !Number.isFinite(base)) return fail(v, `CVSS ${version} base score could not be computed`);
    const baseScore = Math.round(base * 10) / 10;
    const overallScore = Math.round(scores.overall * 10) / 10;
    return { ok: true, version, vector: v, baseScore, overallScore, severity: severityOf(baseScore, version) };
  } catch (e) {
    return fail(v, `invalid CVSS ${version} vector: ${(e as Error).message}`);
  }
}

/** 超危 ≥ 9.0, 高危 7.0–8.9, 中危 4.0–6.9, 低危 < 4.0. */
export function grade(score: number): Grade {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

/** Whether an advisory's stated base score differs from the recomputed one by more than `tolerance`. */
export function scoreDisagrees(stated: number | null | undefined, computed: number, tolerance = 0.05): boolean {
  if (stated === null || stated === undefined || !Number.isFinite(stated)) return false;
  return Math.abs(stated - computed) > tolerance;
}
