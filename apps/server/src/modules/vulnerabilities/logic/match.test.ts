import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCsafAffected } from './csaf-extract.js';
import { extractCveAffected } from './cve-extract.js';
import { matchAsset } from './match.js';
import { createMatchIndex, DEFAULT_PRODUCT_THRESHOLD, productShortlist } from './match-index.js';
import { compareProducts, createAliasIndex, createProductAliasIndex, productTokens } from './names.js';
import { parseAffectedVersions } from './ranges.js';
import type { AffectedEntry, Asset, AssetMatch } from './types.js';

const REFERENCE = new URL('../../../../reference/', import.meta.url);
const read = (dir: string) =>
  readdirSync(new URL(dir, REFERENCE))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(`${dir}${f}`, REFERENCE), 'utf8')));
const entries: AffectedEntry[] = [
  ...read('csaf/').flatMap((d) => extractCsafAffected(d).entries),
  ...read('cve/').flatMap((d) => extractCveAffected(d).entries),
];
const aliases = createAliasIndex([
  { canonical: 'Siemens', names: ['Siemens AG', '西门子'] },
  { canonical: 'Mitsubishi Electric', names: ['三菱电机'] },
  { canonical: 'Schneider Electric', names: ['施耐德电气'] },
]);
const index = createMatchIndex(entries, { aliases });
const withNotAffected = createMatchIndex(entries, { aliases, includeNotAffected: true });

const asset = (a: Partial<Asset>): Asset => ({ id: 'a', vendor: '', product: '', ...a });
const verdicts = (ms: AssetMatch[]) => {
  const out: Record<string, number> = {};
  for (const m of ms) out[m.verdict] = (out[m.verdict] ?? 0) + 1;
  return out;
};
const texts = (m: AssetMatch | undefined) => m?.reasons.map((r) => r.text) ?? [];

describe('matchAsset: Siemens S7-1500 MFP (ICSA-23-348-10)', () => {
  const cpu = { vendor: '西门子', product: 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP', model: '6ES7 518-4AX00-1AB0' };

  it('matches all 404 CVEs through the Chinese alias and the MLFB, saying why', () => {
    const ms = matchAsset(asset({ ...cpu, version: 'V3.1.0' }), index);
    expect(verdicts(ms)).toEqual({ affected: 404 });
    const m = ms.find((x) => x.vulnerabilityId === 'CVE-2013-0340');
    expect(texts(m)).toEqual([
      'vendor "西门子" = "Siemens" via alias "西门子"',
      'product "SIMATIC S7-1500 CPU 1518-4 PN/DP MFP" ~ "SIMATIC S7-1500 CPU 1518-4 PN/DP MFP" (similarity 1); the model number decides',
      'model "6ES7 518-4AX00-1AB0" = "6ES7518-4AX00-1AB0"',
      'version "V3.1.0" is in >= V3.1.0',
      'known_affected in ICSA-23-348-10 (product 1)',
    ]);
    expect(m?.evidence).toHaveLength(1);
  });

  it('an older firmware is outside >=V3.1.0: no match', () => {
    expect(matchAsset(asset({ ...cpu, version: 'V3.0.3' }), index)).toEqual([]);
  });

  it('the model number picks the product even when the asset names it differently', () => {
    const ms = matchAsset(asset({ vendor: 'Siemens AG', product: 'PLC 1518 MFP', model: '6ES7518-4AX00-1AC0', version: 'V3.1.2' }), index);
    expect(verdicts(ms)).toEqual({ affected: 404 });
    expect(ms[0]?.evidence.map((e) => e.entry.models[0])).toEqual(['6ES7518-4AX00-1AC0']);
  });

  it('a different MLFB of the same scheme is a different product, even with a similar name', () => {
    expect(
      matchAsset(
        asset({ vendor: 'Siemens', product: 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP', model: '6ES7516-3AN02-0AB0', version: 'V3.1' }),
        index,
      ),
    ).toEqual([]);
  });

  it('without a model number the name decides, and the reason says the model was missing', () => {
    const ms = matchAsset(asset({ vendor: 'Siemens', product: 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP', version: 'V3.1' }), index);
    expect(verdicts(ms)).toEqual({ affected: 404 });
    // Both MLFB variants with this exact name speak for each CVE; the fail-safe 1518F variants
    // (one code more) and the SIPLUS twin (similarity 0.9) only for review.
    const evidence = ms[0]?.evidence.map((e) => `${e.verdict} ${e.entry.product} ${e.entry.models[0]}`).sort();
    expect(evidence).toEqual([
      'affected SIMATIC S7-1500 CPU 1518-4 PN/DP MFP 6ES7518-4AX00-1AB0',
      'affected SIMATIC S7-1500 CPU 1518-4 PN/DP MFP 6ES7518-4AX00-1AC0',
      'needs_review SIMATIC S7-1500 CPU 1518F-4 PN/DP MFP 6ES7518-4FX00-1AB0',
      'needs_review SIMATIC S7-1500 CPU 1518F-4 PN/DP MFP 6ES7518-4FX00-1AC0',
      'needs_review SIPLUS S7-1500 CPU 1518-4 PN/DP MFP 6AG1518-4AX00-4AC0',
    ]);
    expect(texts(ms[0])).toContain('asset has no model number; the advisory lists 6ES7518-4AX00-1AB0');
  });

  it('an unreadable or missing version goes to review, never silently dropped', () => {
    expect(verdicts(matchAsset(asset({ ...cpu, version: '' }), index))).toEqual({ needs_review: 404 });
    const ms = matchAsset(asset({ ...cpu, version: 'latest' }), index);
    expect(verdicts(ms)).toEqual({ needs_review: 404 });
    expect(texts(ms[0])).toContain('version "latest" cannot be read (no version number in it); affected: >= V3.1.0');
  });
});

describe('matchAsset: Mitsubishi CNC (ICSA-23-208-03) model patterns and revision codes', () => {
  const cnc = { vendor: 'Mitsubishi Electric Corporation', product: 'M800VW', model: 'BND-2051W000-A1' };

  it('<=A8 with the ** pattern', () => {
    const [m] = matchAsset(asset({ ...cnc, version: 'A7' }), index);
    expect(m?.verdict).toBe('affected');
    expect(texts(m)).toContain('model "BND-2051W000-A1" matches pattern "BND-2051W000-**"');
    expect(matchAsset(asset({ ...cnc, version: 'B0' }), index)).toEqual([]);
  });

  it('a numeric version against revision codes cannot be compared: review', () => {
    const [m] = matchAsset(asset({ ...cnc, vendor: '三菱电机', version: '1.0' }), index);
    expect(m?.verdict).toBe('needs_review');
    expect(texts(m)).toContain('cannot compare "1.0" with "A8"; affected: <= A8');
  });

  it('M800VS is not M800VW', () => {
    expect(
      matchAsset(asset({ vendor: 'Mitsubishi Electric', product: 'M800VS', version: 'A7' }), index).map(
        (m) => m.evidence[0]?.entry.product,
      ),
    ).toEqual(['M800VS']);
  });
});

describe('matchAsset: Mobotix (ICSA-24-235-03) product statuses', () => {
  const cam = { vendor: 'MOBOTIX AG', product: 'P3 D24M' };

  it('known_affected firmware', () => {
    const [m] = matchAsset(asset({ ...cam, version: 'MX-V4.1.4.11' }), index);
    expect(m).toMatchObject({ vulnerabilityId: 'CVE-2023-34873', verdict: 'affected' });
    expect(texts(m)).toContain('known_affected in ICSA-24-235-03 (product CSAFPID-0309, installed_on P3 D24M)');
  });

  it('known_not_affected and fixed firmware are excluded, with the reason when asked', () => {
    expect(matchAsset(asset({ ...cam, version: 'MX-V4.0.1.15' }), index)).toEqual([]);
    const [notAffected] = matchAsset(asset({ ...cam, version: 'MX-V4.0.1.15' }), withNotAffected);
    expect(notAffected?.verdict).toBe('not_affected');
    expect(texts(notAffected)).toContain('known_not_affected in ICSA-24-235-03 (product CSAFPID-0109, installed_on P3 D24M)');
    const [fixed] = matchAsset(asset({ ...cam, version: 'MX-V4.7.2.18' }), withNotAffected);
    expect(fixed?.verdict).toBe('not_affected');
    expect(texts(fixed)).toContain('fixed in ICSA-24-235-03 (product CSAFPID-0829, installed_on P3 D24M)');
  });

  it('a firmware the advisory never names goes to review', () => {
    const [m] = matchAsset(asset({ ...cam, version: 'MX-V4.1.5.1' }), index);
    expect(m?.verdict).toBe('needs_review');
    expect(texts(m).join('\n')).toContain('version "MX-V4.1.5.1" is not among the versions ICSA-24-235-03 names');
  });
});

describe('matchAsset: CSAF and CVE together', () => {
  it('Schneider Data Center Expert: both sources speak for CVE-2024-8531; 8.2 is fixed', () => {
    const ms = matchAsset(asset({ vendor: '施耐德电气', product: 'Data Center Expert', version: '8.1.0' }), index);
    const m = ms.find((x) => x.vulnerabilityId === 'CVE-2024-8531');
    expect(m?.verdict).toBe('affected');
    expect(m?.evidence.map((e) => e.entry.source).sort()).toEqual(['csaf', 'cve']);
    expect(verdicts(ms)).toEqual({ affected: 2 });
    expect(matchAsset(asset({ vendor: 'Schneider Electric SE', product: 'Data Center Expert', version: '8.2' }), index)).toEqual([]);
  });

  it('ThinManager 13.1.1 from both sources; 13.1.2 only by the CVE record ("13.1.0-13.1.2" includes it)', () => {
    const at = (version: string) => matchAsset(asset({ vendor: 'Rockwell Automation, Inc.', product: 'ThinManager', version }), index);
    expect(
      at('13.1.1')[0]
        ?.evidence.map((e) => e.entry.source)
        .sort(),
    ).toEqual(['csaf', 'cve']);
    expect(at('13.1.2')[0]?.evidence.map((e) => e.entry.source)).toEqual(['cve']);
    expect(at('13.1.3')).toEqual([]);
  });

  it('a vendor written without spaces (CPE style) is the same vendor', () => {
    const [m] = matchAsset(asset({ vendor: 'rockwellautomation', product: 'ThinManager', version: '13.1.1' }), index);
    expect(m?.verdict).toBe('affected');
    expect(texts(m)[0]).toBe('vendor "rockwellautomation" = "Rockwell Automation" (same name without spaces)');
  });

  it('a vendor name that only starts like a known one reaches it, for review only', () => {
    const [m] = matchAsset(asset({ vendor: 'Rockwell', product: 'ThinManager', version: '13.1.1' }), index);
    expect(m?.verdict).toBe('needs_review');
    expect(texts(m)[0]).toBe('vendor "Rockwell" is similar to "Rockwell Automation" (score 0.9; not in the alias table)');
    expect(
      matchAsset(asset({ vendor: 'Rockwell', product: 'ThinManager', version: '13.1.1' }), entries, { aliases, vendorThreshold: 1 }),
    ).toEqual([]);
  });

  it('a product just above the threshold goes to review', () => {
    const [m] = matchAsset(asset({ vendor: 'Siemens', product: 'SINEMA Remote Connect', version: 'V3.1' }), index);
    expect(m?.verdict).toBe('needs_review');
    expect(m?.reasons[1]).toMatchObject({ kind: 'product', score: 0.86 });
    expect(matchAsset(asset({ vendor: 'Siemens', product: 'SINEMA Remote Connect Server', version: 'V3.1' }), index)[0]?.verdict).toBe(
      'affected',
    );
  });

  it('unknown vendors and unrelated products match nothing', () => {
    expect(matchAsset(asset({ vendor: 'Huawei', product: 'ThinManager', version: '13.1.1' }), index)).toEqual([]);
    expect(matchAsset(asset({ vendor: 'Siemens', product: 'SCALANCE X200', version: 'V1.0' }), index)).toEqual([]);
    expect(matchAsset(asset({ vendor: '', product: '', version: '' }), index)).toEqual([]);
  });
});

describe('matchAsset: verdict rules on hand-made entries', () => {
  const entry = (e: Partial<AffectedEntry>): AffectedEntry => ({
    source: 'csaf',
    advisoryId: 'T-1',
    vulnerabilityId: 'CVE-2026-0001',
    productId: 'P',
    vendor: 'ACME',
    product: 'Box',
    productNames: [],
    fullName: 'ACME Box',
    models: [],
    cpes: [],
    versionRaw: '',
    range: parseAffectedVersions('All versions', 'text'),
    status: 'known_affected',
    ...e,
  });

  it('affected and fixed for the same version is a conflict for review', () => {
    const list = [
      entry({}),
      entry({ productId: 'Q', status: 'fixed', versionRaw: '2.0', range: parseAffectedVersions('2.0', 'csaf_name') }),
    ];
    const [m] = matchAsset(asset({ vendor: 'ACME', product: 'Box', version: '2.0' }), list);
    expect(m?.verdict).toBe('needs_review');
    expect(m?.reasons.at(-1)).toMatchObject({
      kind: 'conflict',
      text: 'T-1 says known_affected for product P but T-1 says fixed for product Q',
    });
    // (#12 item 3) the console words the conflict from the code and both statements
    expect(m?.reasons.at(-1)?.reason).toEqual({
      code: 'matching.conflict',
      params: { affected: 'T-1', affectedStatus: 'known_affected', notAffected: 'T-1', notAffectedStatus: 'fixed' },
    });
    expect(matchAsset(asset({ vendor: 'ACME', product: 'Box', version: '1.0' }), list)[0]?.verdict).toBe('affected');
  });

  it('under_investigation is for review', () => {
    const [m] = matchAsset(asset({ vendor: 'ACME', product: 'Box', version: '1' }), [entry({ status: 'under_investigation' })]);
    expect(m?.verdict).toBe('needs_review');
  });

  it('the threshold is a parameter', () => {
    const list = [entry({ product: 'Box Pro Max' })];
    const a = asset({ vendor: 'ACME', product: 'Box Pro', version: '1' });
    expect(matchAsset(a, list)).toEqual([]);
    expect(matchAsset(a, list, { productThreshold: 0.7, reviewBand: 0.05 })[0]?.verdict).toBe('affected');
  });
});

describe('product aliases analysts edit', () => {
  it('an asset named by an alias matches the canonical product, and the reason says so', () => {
    const productAliases = createProductAliasIndex(
      [{ vendor: '西门子', canonical: 'SINEMA Remote Connect Server', names: ['SINEMA RC', '远程连接服务器'] }],
      aliases,
    );
    const withAliases = createMatchIndex(entries, { aliases, productAliases });
    const a = asset({ vendor: 'Siemens', product: 'SINEMA RC', version: 'V3.1' });
    expect(matchAsset(a, index)).toEqual([]);
    const [m] = matchAsset(a, withAliases);
    expect(m?.verdict).toBe('affected');
    expect(texts(m)[1]).toBe(
      'product "SINEMA RC" via product alias "sinema remote connect server" ~ "SINEMA Remote Connect Server" (similarity 1)',
    );
    expect(matchAsset(asset({ vendor: '西门子', product: '远程连接服务器', version: 'V3.2 SP1' }), withAliases)[0]?.verdict).toBe(
      'affected',
    );
    // Another vendor's "SINEMA RC" is not this product.
    expect(matchAsset(asset({ vendor: 'Mobotix', product: 'SINEMA RC', version: 'V3.1' }), withAliases)).toEqual([]);
  });
});

describe('the product shortlist', () => {
  it('never leaves out a product that reaches the threshold (brute force over the fixtures)', () => {
    const probes = new Set<string>();
    for (const bucket of index.buckets.values()) {
      for (const g of bucket.groups) {
        for (const name of g.names) {
          const t = name.split(' ');
          probes.add(name);
          probes.add(t.slice(1).join(' '));
          probes.add(t.slice(0, -1).join(' '));
          probes.add(name.replace(/e/, 'a'));
          probes.add(name.replace(/ /g, ''));
          probes.add(`${name} extra`);
        }
      }
    }
    let checked = 0;
    for (const bucket of index.buckets.values()) {
      for (const probe of probes) {
        if (!probe) continue;
        const shortlist = productShortlist(bucket, probe, productTokens(probe), DEFAULT_PRODUCT_THRESHOLD);
        for (const g of bucket.groups) {
          const best = Math.max(...g.names.map((n) => compareProducts(probe, n).score));
          if (best >= DEFAULT_PRODUCT_THRESHOLD) {
            checked++;
            expect(shortlist.has(g), `${probe} → ${g.names[0]} (${best})`).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
