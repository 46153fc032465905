import { arr, obj, str } from './json.js';
import type { AffectedEntry } from './types.js';
import { parseVersion } from './versions.js';

/** A remediation says a version fixes the problem only when it speaks of updating or of a fix. */
const FIX_WORDS =
  /\b(?:update|upgrade|updated|upgraded|fix|fixed|fixes|patch|patched|install|resolved|addressed|remediated)\b|升级|修复|更新/i;

/**
 * Versions a remediation names after "version" or as `V…` (`Update to version 1.5`, `Update to
 * V3.0.3 or later version`, `fixed version Software version "1.02C" or later`, `Update P3 cameras
 * to firmware version MX-V4.7.2.18 or later`), keeping service-pack / update words with them.
 */
const VERSION_AFTER =
  /(?:\bversions?\s*[:"“'‘]?\s*|\b(?:to|in)\s+(?=\d+\.\d)|(?<![\w.-])(?=[Vv]\d))([A-Za-z]{0,3}-?[Vv]?\d+(?:\.[0-9A-Za-z]+)*(?:\s+(?:SP|Update|Upd|HF|Hotfix|SR)\s*\d+)*)/g;

/** The versions a `vendor_fix` remediation text says fix the product (#13 item 3). */
export function fixVersionsIn(details: string): string[] {
  const verb = typeof details === 'string' ? FIX_WORDS.exec(details) : null;
  if (!verb) return [];
  const out: string[] = [];
  // Only what follows the verb: a leading `SIMATIC WinCC V7.5:` names the product, not the fix.
  for (const m of details.slice(verb.index).matchAll(VERSION_AFTER)) {
    const v = (m[1] as string).trim();
    if (parseVersion(v).ok && /\d/.test(v)) out.push(v);
  }
  return [...new Set(out)];
}

/** One `vendor_fix` remediation as the matcher needs it: whose vulnerability, which products, what text. */
export interface FixStatement {
  vulnerabilityId: string;
  productIds: string[];
  details: string;
}

/** The vulnerability id extraction gives (csaf-extract's rule): the CVE, the first id, else the tracking id. */
export function csafVulnerabilityId(v: { cve?: unknown; firstId?: unknown }, trackingId: string, index: number, total: number): string {
  const cve = str(v.cve);
  if (cve) return cve.toUpperCase();
  const firstId = str(v.firstId);
  if (firstId) return firstId;
  return total === 1 ? trackingId : `${trackingId}#${index + 1}`;
}

/** Every `vendor_fix` remediation of a CSAF document, by vulnerability. */
export function csafFixStatements(doc: unknown): FixStatement[] {
  const d = obj(doc) ?? {};
  const trackingId = str(obj(obj(d.document)?.tracking)?.id) || 'unknown-advisory';
  const vulns = arr(d.vulnerabilities);
  const out: FixStatement[] = [];
  vulns.forEach((raw, index) => {
    const v = obj(raw);
    if (!v) return;
    const id = csafVulnerabilityId({ cve: v.cve, firstId: obj(arr(v.ids)[0])?.text }, trackingId, index, vulns.length);
    for (const r of arr(v.remediations).map(obj)) {
      if (!r || str(r.category) !== 'vendor_fix') continue;
      out.push({ vulnerabilityId: id, productIds: arr(r.product_ids).map(str).filter(Boolean), details: str(r.details) });
    }
  });
  return out;
}

/** Entries with the fix versions their advisory's remediations name for them (a new array; entries are copied only when changed). */
export function withFixes(entries: readonly AffectedEntry[], statements: readonly FixStatement[]): AffectedEntry[] {
  const byProduct = new Map<string, string[]>();
  for (const s of statements) {
    const versions = fixVersionsIn(s.details);
    if (versions.length === 0) continue;
    for (const pid of s.productIds) {
      const key = `${s.vulnerabilityId}\u0000${pid}`;
      byProduct.set(key, [...new Set([...(byProduct.get(key) ?? []), ...versions])]);
    }
  }
  return entries.map((e) => {
    const fixedIn = byProduct.get(`${e.vulnerabilityId}\u0000${e.productId}`);
    return fixedIn ? { ...e, fixedIn } : e;
  });
}
