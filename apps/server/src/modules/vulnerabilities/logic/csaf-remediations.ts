import type { FindingRemediation } from '@suilian/contracts';

const CATEGORIES = new Set(['mitigation', 'no_fix_planned', 'none_available', 'vendor_fix', 'workaround', 'fix_planned', 'optional_patch']);

/**
 * The remediations a CSAF 2.0 document gives for one vulnerability (its `vulnerabilities[].remediations`,
 * matched by CVE, else by the document's vulnerability id text): category, details and URL, in
 * document order. Anything that is not a CSAF document, or a malformed entry, gives nothing.
 */
export function csafRemediations(document: unknown, ids: { cve: string | null; key: string }, advisory: string): FindingRemediation[] {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  const vulnerabilities = (doc as { vulnerabilities?: unknown })?.vulnerabilities;
  if (!Array.isArray(vulnerabilities)) return [];
  const wanted = new Set([ids.cve, ids.key].filter((x): x is string => Boolean(x)));
  const out: FindingRemediation[] = [];
  for (const v of vulnerabilities as Array<Record<string, unknown>>) {
    const names = [v.cve, ...(Array.isArray(v.ids) ? (v.ids as Array<{ text?: unknown }>).map((i) => i.text) : [])];
    if (!names.some((n) => typeof n === 'string' && wanted.has(n))) continue;
    if (!Array.isArray(v.remediations)) continue;
    for (const r of v.remediations as Array<Record<string, unknown>>) {
      if (typeof r.category !== 'string' || !CATEGORIES.has(r.category) || typeof r.details !== 'string') continue;
      out.push({ category: r.category, details: r.details, url: typeof r.url === 'string' ? r.url : null, advisory });
    }
  }
  return out;
}
