import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSAF_PRODUCT_STATUSES, extractCsafAffected } from './csaf-extract.js';
import { rangeContains } from './ranges.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../../reference/csaf/${name}.json`, import.meta.url), 'utf8'));

describe('extractCsafAffected on the CISA fixtures', () => {
  it('icsa-23-348-10: all 404 CVEs, each for the five S7-1500 MFP CPUs with their MLFBs', () => {
    const x = extractCsafAffected(fixture('icsa-23-348-10'));
    expect(x.advisoryId).toBe('ICSA-23-348-10');
    expect(x.warnings).toEqual([]);
    expect(x.vulnerabilities).toHaveLength(404);
    const ids = new Set(x.vulnerabilities.map((v) => v.id));
    expect(ids.size).toBe(404);
    expect([...ids].every((id) => /^CVE-\d{4}-\d{4,}$/.test(id))).toBe(true);
    expect(ids.has('CVE-2013-0340')).toBe(true);
    expect(x.entries).toHaveLength(404 * 5);
    expect(new Set(x.entries.map((e) => e.vulnerabilityId)).size).toBe(404);
    expect(x.entries.every((e) => e.status === 'known_affected' && e.vendor === 'Siemens')).toBe(true);
    const first = x.entries.find((e) => e.productId === '1');
    expect(first).toMatchObject({
      source: 'csaf',
      vendor: 'Siemens',
      product: 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP',
      models: ['6ES7518-4AX00-1AB0'],
      versionRaw: '>=V3.1.0',
      fullName: 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP (6ES7518-4AX00-1AB0)',
    });
    expect(first && rangeContains(first.range, 'V3.1.0').result).toBe('affected');
    expect(first && rangeContains(first.range, 'V3.0.4').result).toBe('not_affected');
    expect(new Set(x.entries.map((e) => e.models[0]))).toEqual(
      new Set(['6ES7518-4AX00-1AB0', '6ES7518-4AX00-1AC0', '6ES7518-4FX00-1AB0', '6ES7518-4FX00-1AC0', '6AG1518-4AX00-4AC0']),
    );
    // One stated score per CVE; the entries of one product share one parsed range.
    expect(x.scores).toHaveLength(404);
    expect(x.scores[0]).toMatchObject({
      vulnerabilityId: 'CVE-2013-0340',
      version: '3.1',
      baseScore: 9.1,
      productIds: ['1', '2', '3', '4', '5'],
    });
    const ranges = new Set(x.entries.map((e) => e.range));
    expect(ranges.size).toBe(1);
  });

  it('icsa-24-235-03: every product status it uses, on firmware installed on cameras', () => {
    const x = extractCsafAffected(fixture('icsa-24-235-03'));
    expect(x.warnings).toEqual([]);
    const count = (status: string) => x.entries.filter((e) => e.status === status).length;
    expect(count('known_affected')).toBe(644);
    expect(count('fixed')).toBe(439);
    expect(count('known_not_affected')).toBe(200);
    expect(count('recommended')).toBe(33);
    expect(x.entries).toHaveLength(644 + 439 + 200 + 33);
    expect(x.entries.every((e) => e.vulnerabilityId === 'CVE-2023-34873' && e.vendor === 'Mobotix')).toBe(true);
    const byId = (id: string) => x.entries.filter((e) => e.productId === id);
    // Relationship products: the camera (family + name) with the firmware's version.
    expect(byId('CSAFPID-0109')).toEqual([
      expect.objectContaining({
        status: 'known_not_affected',
        product: 'P3 D24M',
        productNames: ['D24M', 'P3 Firmware'],
        versionRaw: 'MX-V4.0.1.15',
        platform: 'installed_on P3 D24M',
        fullName: 'Mobotix P3 Firmware MX-V4.0.1.15 installed on Mobotix P3 D24M',
      }),
    ]);
    expect(byId('CSAFPID-0309')).toEqual([
      expect.objectContaining({ status: 'known_affected', product: 'P3 D24M', versionRaw: 'MX-V4.1.4.11' }),
    ]);
    expect(byId('CSAFPID-0829')).toEqual([expect.objectContaining({ status: 'fixed', versionRaw: 'MX-V4.7.2.18' })]);
    expect(byId('CSAFPID-0949').map((e) => e.status)).toContain('recommended');
    const exact = byId('CSAFPID-0309')[0];
    expect(exact && rangeContains(exact.range, 'MX-V4.1.4.11').result).toBe('affected');
    expect(exact && rangeContains(exact.range, 'MX-V4.1.4.70').result).toBe('not_affected');
  });

  it('icsa-23-208-03: Mitsubishi model patterns come out of the product names, revision-code ranges stay raw', () => {
    const x = extractCsafAffected(fixture('icsa-23-208-03'));
    const m800vw = x.entries.find((e) => e.product === 'M800VW');
    expect(m800vw).toMatchObject({
      vendor: 'Mitsubishi Electric',
      models: ['BND-2051W000-**'],
      versionRaw: '<=A8',
      vulnerabilityId: 'CVE-2023-3346',
    });
    expect(m800vw && rangeContains(m800vw.range, 'A7').result).toBe('affected');
    expect(m800vw && rangeContains(m800vw.range, 'B0').result).toBe('not_affected');
    expect(x.entries.find((e) => e.product === 'M730VW/M720VW')?.models).toEqual(['BND-1015W000-**']);
  });

  it('the other fixtures: vers:all/*, <V3.2_SP2, >=V13.1.0|<13.1.2, exact versions, fixed 8.2', () => {
    const names = (f: string) =>
      extractCsafAffected(fixture(f)).entries.map((e) => `${e.product} ${e.versionRaw} ${e.range.kind} ${e.status}`);
    expect(names('icsa-24-256-01')).toEqual(['SINEMA Remote Connect Server <V3.2_SP2 any_of known_affected']);
    expect(names('icsa-24-256-25')).toEqual([
      'ThinManager >=V13.1.0|<13.1.2 any_of known_affected',
      'ThinManager >=V13.2.0|<13.2.1 any_of known_affected',
    ]);
    // Per vulnerability, statuses come in the standard's order (fixed before known_affected).
    expect(names('icsa-24-289-02')).toEqual([
      'Data Center Expert 8.2 any_of fixed',
      'Data Center Expert <=8.1.1.3 any_of known_affected',
      'Data Center Expert 8.2 any_of fixed',
      'Data Center Expert <=8.1.1.3 any_of known_affected',
    ]);
    expect(extractCsafAffected(fixture('icsa-24-030-03')).entries.every((e) => e.range.kind === 'all')).toBe(true);
    expect(names('icsa-24-256-19')).toContain('2800C OptixPanel Compact 4.0.0.325 any_of known_affected');
  });
});

describe('extractCsafAffected on hand-made documents', () => {
  const doc = {
    document: { tracking: { id: 'TEST-2026-001' } },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: 'ACME',
          branches: [
            {
              category: 'product_name',
              name: 'Gateway',
              branches: [
                { category: 'product_version', name: '2.0', product: { name: 'ACME Gateway 2.0', product_id: 'GW-2.0' } },
                { category: 'product_version', name: '2.4', product: { name: 'ACME Gateway 2.4', product_id: 'GW-2.4' } },
              ],
            },
          ],
        },
      ],
      full_product_names: [
        {
          name: 'Other Box 1.1',
          product_id: 'OB',
          product_identification_helper: { cpe: 'cpe:2.3:h:other_corp:other_box:1.1:*:*:*:*:*:*:*', skus: ['OB-100'] },
        },
      ],
    },
    vulnerabilities: [
      { ids: [{ system_name: 'CNVD', text: 'CNVD-2026-00001' }], product_status: { first_affected: ['GW-2.0'], first_fixed: ['GW-2.4'] } },
      { product_status: { known_affected: ['OB', 'NOPE'], under_investigation: ['GW-2.4'] } },
    ],
  };

  it('uses the ids entry, else the tracking id with a number, when there is no CVE', () => {
    const x = extractCsafAffected(doc);
    expect(x.vulnerabilities.map((v) => v.id)).toEqual(['CNVD-2026-00001', 'TEST-2026-001#2']);
  });

  it('turns first_affected / first_fixed versions into half-open ranges', () => {
    const x = extractCsafAffected(doc);
    const first = x.entries.find((e) => e.status === 'first_affected');
    const fixed = x.entries.find((e) => e.status === 'first_fixed');
    expect(first?.range.anyOf).toEqual([[{ op: '>=', version: '2.0' }]]);
    expect(fixed?.range.anyOf).toEqual([[{ op: '>=', version: '2.4' }]]);
  });

  it('reads vendor, product and version from a CPE and models from SKUs', () => {
    const ob = extractCsafAffected(doc).entries.find((e) => e.productId === 'OB');
    expect(ob).toMatchObject({
      vendor: 'other corp',
      product: 'other box',
      versionRaw: '1.1',
      models: ['OB-100'],
      cpes: ['cpe:2.3:h:other_corp:other_box:1.1:*:*:*:*:*:*:*'],
    });
  });

  it('warns about product ids the tree does not define, and keeps under_investigation', () => {
    const x = extractCsafAffected(doc);
    expect(x.warnings).toEqual([
      'TEST-2026-001#2: product_status.known_affected names product NOPE, which the product tree does not define',
    ]);
    expect(x.entries.find((e) => e.status === 'under_investigation')?.productId).toBe('GW-2.4');
  });

  it('lists every CSAF 2.0 product status category', () => {
    expect([...CSAF_PRODUCT_STATUSES].sort()).toEqual([
      'first_affected',
      'first_fixed',
      'fixed',
      'known_affected',
      'known_not_affected',
      'last_affected',
      'recommended',
      'under_investigation',
    ]);
  });

  it('never throws on garbage', () => {
    for (const bad of [
      null,
      undefined,
      42,
      'x',
      [],
      {},
      { vulnerabilities: 'x' },
      {
        product_tree: { branches: [null, 1, { branches: 'x' }] },
        vulnerabilities: [null, { product_status: { known_affected: [1, null] } }],
      },
    ]) {
      expect(() => extractCsafAffected(bad)).not.toThrow();
    }
    expect(extractCsafAffected({}).advisoryId).toBe('unknown-advisory');
  });
});
