import { describe, expect, it } from 'vitest';
import { currentRange, extractCsafAffected } from './csaf-extract.js';
import { csafFixStatements, fixVersionsIn, withFixes } from './fixes.js';
import { matchAsset } from './match.js';
import { createMatchIndex } from './match-index.js';
import { compareProducts, createAliasIndex, normaliseProduct } from './names.js';
import { parseAffectedVersions, rangeContains } from './ranges.js';
import type { AffectedEntry, Asset, AssetMatch } from './types.js';

/**
 * The hard cases of #13 item 3, each with products, versions and fixes as real CISA advisories
 * write them (csaf_files/OT/white of cisagov/CSAF; the advisory is named in each describe). The
 * documents are cut down to the product tree branches, statuses and vendor_fix remediations.
 */

interface Product {
  id: string;
  name: string;
  version: string;
  /** product_version (exact) or product_version_range. */
  exact?: boolean;
  models?: string[];
}

function csaf(
  trackingId: string,
  vendor: string,
  products: Product[],
  statuses: Record<string, string[]>,
  fixes: Array<{ products: string[]; details: string }> = [],
) {
  return {
    document: { tracking: { id: trackingId } },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: vendor,
          branches: products.map((p) => ({
            category: 'product_name',
            name: p.name,
            branches: [
              {
                category: p.exact ? 'product_version' : 'product_version_range',
                name: p.version,
                product: {
                  name: `${p.name} ${p.version}`,
                  product_id: p.id,
                  ...(p.models ? { product_identification_helper: { model_numbers: p.models } } : {}),
                },
              },
            ],
          })),
        },
      ],
    },
    vulnerabilities: [
      {
        cve: `CVE-${trackingId}`,
        product_status: statuses,
        remediations: fixes.map((f) => ({ category: 'vendor_fix', product_ids: f.products, details: f.details })),
      },
    ],
  };
}

function entriesOf(doc: ReturnType<typeof csaf>): AffectedEntry[] {
  return withFixes(extractCsafAffected(doc).entries, csafFixStatements(doc));
}

const aliases = createAliasIndex([
  { canonical: 'Siemens', names: ['Siemens AG', '西门子'] },
  { canonical: 'Mitsubishi Electric', names: ['Mitsubishi Electric Corporation', '三菱电机'] },
  { canonical: 'Omron', names: ['欧姆龙'] },
  { canonical: 'Rockwell Automation', names: ['罗克韦尔'] },
  { canonical: 'Honeywell', names: ['霍尼韦尔'] },
]);

function matcher(doc: ReturnType<typeof csaf>) {
  const index = createMatchIndex(entriesOf(doc), { aliases, includeNotAffected: true });
  return (a: Partial<Asset>): AssetMatch | undefined => matchAsset({ id: 'a', vendor: '', product: '', ...a }, index)[0];
}
const codes = (m: AssetMatch | undefined) => m?.reasons.map((r) => r.reason?.code) ?? [];

describe('back-to-back vers constraints form one interval (ICSA-23-166-04, SIMOTION)', () => {
  const doc = csaf(
    'ICSA-23-166-04',
    'Siemens',
    [{ id: '1', name: 'SIMOTION C240 (6AU1240-1AA00-0AA0)', version: 'vers:all/>=V5.4<V5.5 SP1' }],
    { known_affected: ['1'] },
    [{ products: ['1'], details: 'Update to V5.5 SP1 or later version' }],
  );
  const match = matcher(doc);
  const simotion = { vendor: 'Siemens', product: 'SIMOTION C240', model: '6AU1240-1AA00-0AA0' };

  it('reads >=V5.4<V5.5 SP1 as both bounds (#13 item 3)', () => {
    const r = parseAffectedVersions('vers:all/>=V5.4<V5.5 SP1', 'csaf_vers');
    expect(r.anyOf).toEqual([
      [
        { op: '>=', version: 'V5.4' },
        { op: '<', version: 'V5.5 SP1' },
      ],
    ]);
    expect(rangeContains(r, 'V5.5').result).toBe('affected');
    expect(rangeContains(r, 'V5.5 SP1').result).toBe('not_affected');
    expect(rangeContains(r, 'V5.6').result).toBe('not_affected');
    expect(rangeContains(r, 'V4.5').result).toBe('not_affected');
  });

  it('a later version is not affected, with the reason, instead of a false "affected"', () => {
    expect(match({ ...simotion, version: 'V5.4 SP3' })?.verdict).toBe('affected');
    const later = match({ ...simotion, version: 'V5.6' });
    expect(later?.verdict).toBe('not_affected');
    expect(codes(later)).toContain('matching.version_outside');
  });

  it('a range stored before the rule is read again by it', () => {
    const stored: AffectedEntry = {
      ...(entriesOf(doc)[0] as AffectedEntry),
      range: {
        raw: 'vers:all/>=V5.4<V5.5 SP1',
        origin: 'csaf_vers',
        kind: 'any_of',
        anyOf: [[{ op: '>=', version: 'V5.4<V5.5 SP1' }]],
        scheme: 'all',
      },
    };
    expect(rangeContains(currentRange(stored), 'V5.6').result).toBe('not_affected');
  });
});

describe('a release prefix letter is not part of the number (ICSA-22-207-02 / ICSA-20-175-02, Honeywell)', () => {
  it('R160.1 compares with 160.1 and the R-versions around it', () => {
    const r = parseAffectedVersions('<R160.1', 'csaf_name');
    expect(rangeContains(r, 'R151.1').result).toBe('affected');
    expect(rangeContains(r, '151.1').result).toBe('affected');
    expect(rangeContains(r, 'R160.1').result).toBe('not_affected');
    expect(rangeContains(r, 'R161.2').result).toBe('not_affected');
  });

  it('an exact product_version list "R130.2 | R140 | R150 | R151" names four versions', () => {
    const match = matcher(
      csaf('ICSA-20-175-02', 'Honeywell', [{ id: 'P', name: 'ControlEdge PLC', version: 'R130.2 | R140 | R150 | R151', exact: true }], {
        known_affected: ['P'],
      }),
    );
    expect(match({ vendor: 'Honeywell', product: 'ControlEdge PLC', version: 'R150' })?.verdict).toBe('affected');
    expect(match({ vendor: '霍尼韦尔', product: 'ControlEdge PLC', version: '140' })?.verdict).toBe('affected');
    expect(match({ vendor: 'Honeywell', product: 'ControlEdge PLC', version: 'R160' })?.verdict).toBe('needs_review');
  });
});

describe('an asset model equal to a product name that is a model identifies the product (ICSA-23-157-02, ICSA-24-214-09)', () => {
  const mitsubishi = matcher(
    csaf(
      'ICSA-23-157-02',
      'Mitsubishi Electric',
      [
        { id: '1', name: 'RJ71EIP91', version: 'vers:all/*' },
        { id: '3', name: 'SW1DNN-EIPCT-BD', version: '<=1.01B' },
      ],
      { known_affected: ['1', '3'] },
    ),
  );

  it('RJ71EIP91 under a descriptive product name', () => {
    const m = mitsubishi({ vendor: '三菱电机', product: 'EtherNet/IP 网络模块', model: 'RJ71EIP91', version: '05' });
    expect(m?.verdict).toBe('affected');
    expect(codes(m)).toContain('matching.model_product_name');
  });

  it('SW1DNN-EIPCT-BD as the model, and as the product name with no model', () => {
    expect(
      mitsubishi({ vendor: 'Mitsubishi Electric', product: 'EtherNet/IP Configuration Tool', model: 'SW1DNN-EIPCT-BD', version: '1.01B' })
        ?.verdict,
    ).toBe('affected');
    expect(mitsubishi({ vendor: 'Mitsubishi Electric', product: 'SW1DNN-EIPCT-BD', version: '1.00A' })?.verdict).toBe('affected');
  });

  it('another model number under the same name is never taken as the product: review at most', () => {
    const m = mitsubishi({ vendor: 'Mitsubishi Electric', product: 'RJ71EIP91', model: 'RJ71EN71', version: '05' });
    expect(m?.verdict).toBe('needs_review');
    expect(codes(m)).toContain('matching.model_not_listed');
  });

  it('1756-EN4TR (Rockwell) by its model, and 1756-EN2T Series A named with its series', () => {
    const rockwell = matcher(
      csaf(
        'ICSA-24-214-09',
        'Rockwell Automation',
        [
          { id: '3', name: '1756-EN4TR', version: 'V2', exact: true },
          { id: '4', name: '1756-EN2T, Series A/B/C (unsigned version)', version: 'v5.007', exact: true },
        ],
        { known_affected: ['3', '4'] },
      ),
    );
    expect(rockwell({ vendor: '罗克韦尔', product: 'ControlLogix 以太网通信模块', model: '1756-EN4TR', version: 'V2' })?.verdict).toBe(
      'affected',
    );
    expect(rockwell({ vendor: 'Rockwell Automation', product: 'EtherNet/IP module', model: '1756-EN2T', version: '5.007' })?.verdict).toBe(
      'affected',
    );
  });
});

describe('wildcard model patterns in product names (ICSA-23-262-05, Omron)', () => {
  const omron = matcher(
    csaf(
      'ICSA-23-262-05',
      'Omron',
      [
        { id: '3', name: 'CJ2H-CPU**(-EIP)', version: '<= 1.4' },
        { id: '4', name: 'CJ2M-CPU**', version: '<= 2.0' },
        { id: '6', name: 'CS1D-CPU**H/-CPU**P', version: '<= 1.3' },
      ],
      { known_affected: ['3', '4', '6'] },
    ),
  );

  it('* is exactly one character', () => {
    expect(omron({ vendor: 'Omron', product: 'CJ2M CPU Unit', model: 'CJ2M-CPU31', version: '2.0' })?.verdict).toBe('affected');
    expect(omron({ vendor: 'Omron', product: 'CJ2M CPU Unit', model: 'CJ2M-CPU3', version: '2.0' })).toBeUndefined();
    expect(omron({ vendor: 'Omron', product: 'CJ2M CPU Unit', model: 'CJ2M-CPU311', version: '2.0' })).toBeUndefined();
  });

  it('a parenthesised suffix is optional', () => {
    expect(omron({ vendor: '欧姆龙', product: 'CJ2H', model: 'CJ2H-CPU64-EIP', version: '1.4' })?.verdict).toBe('affected');
    expect(omron({ vendor: 'Omron', product: 'CJ2H', model: 'CJ2H-CPU64', version: '1.4' })?.verdict).toBe('affected');
    expect(omron({ vendor: 'Omron', product: 'CJ2H', model: 'CJ2H-CPU64', version: '1.5' })?.verdict).toBe('not_affected');
  });

  it('a slash shorthand names both models', () => {
    expect(omron({ vendor: 'Omron', product: 'CS1D', model: 'CS1D-CPU67P', version: '1.2' })?.verdict).toBe('affected');
  });
});

describe('filler words and vendor names do not lower the similarity', () => {
  it('Series, engines, products, Unit and a leading vendor name, on either side', () => {
    const score = (a: string, av: string, b: string, bv: string) =>
      compareProducts(normaliseProduct(a, av, ['Mitsubishi Electric', 'Mitsubishi Electric Corporation']), normaliseProduct(b, bv)).score;
    expect(score('MELSEC iQ-R Series', '三菱电机', 'Mitsubishi Electric Corporation MELSEC iQ-R', 'Mitsubishi Electric')).toBe(1);
    expect(score('GOT2000 products', 'Mitsubishi Electric', 'GOT2000', 'Mitsubishi Electric')).toBe(1);
    expect(score('CJ2M CPU Unit', 'Omron', 'Omron CJ2M CPU', 'Omron')).toBe(1);
  });

  it('an asset named with the vendor in front matches an advisory that writes the product without it (ICSA-22-207-02)', () => {
    const match = matcher(
      csaf('ICSA-22-207-02', 'Honeywell', [{ id: '1', name: 'Safety Manager', version: '<R160.1' }], { known_affected: ['1'] }),
    );
    const m = match({ vendor: '霍尼韦尔', product: 'Honeywell Safety Manager Series', version: 'R153.2' });
    expect(m?.verdict).toBe('affected');
  });
});

describe('a release line in the product name restricts the branch (ICSA-24-046-12, SIMATIC WinCC)', () => {
  const match = matcher(
    csaf(
      'ICSA-24-046-12',
      'Siemens',
      [
        { id: '5', name: 'SIMATIC WinCC Runtime Professional V18', version: 'vers:all/*' },
        { id: '6', name: 'SIMATIC WinCC Runtime Professional V19', version: 'vers:all/*' },
        { id: '7', name: 'SIMATIC WinCC V7.4', version: 'vers:all/*' },
        { id: '8', name: 'SIMATIC WinCC V7.5', version: '<V7.5_SP2_Update_15' },
      ],
      { known_affected: ['5', '6', '7', '8'] },
    ),
  );

  it('V7.4 "all versions" does not reach a V7.5 asset; V7.5 decides by its range', () => {
    const fixed = match({ vendor: 'Siemens', product: 'SIMATIC WinCC', version: 'V7.5 SP2 Update 15' });
    expect(fixed?.verdict).toBe('not_affected');
    expect(fixed?.evidence[0]?.entry.productId).toBe('8');
    const old = match({ vendor: 'Siemens', product: 'SIMATIC WinCC', version: 'V7.5 SP2 Update 3' });
    expect(old?.verdict).toBe('affected');
    expect(old?.evidence.map((e) => e.entry.productId)).toEqual(['8']);
    expect(codes(old)).toContain('matching.version_line');
    expect(match({ vendor: 'Siemens', product: 'SIMATIC WinCC', version: 'V7.4 SP1' })?.evidence[0]?.entry.productId).toBe('7');
  });

  it('Runtime Professional V18 does not reach a V19 asset; an asset naming its line in the product finds it', () => {
    const m = match({ vendor: '西门子', product: 'WinCC Runtime Professional V19', version: 'V19 Update 2' });
    expect(m?.evidence.map((e) => e.entry.productId)).toEqual(['6']);
  });

  it('without a version the line cannot be told: review', () => {
    const m = match({ vendor: 'Siemens', product: 'SIMATIC WinCC Runtime Professional' });
    expect(m?.verdict).toBe('needs_review');
    expect(codes(m)).toContain('matching.version_line_unknown');
  });

  it('a product whose V-number is not a line stays a product (SINAMICS V90 with < V1.01)', () => {
    const sinamics = matcher(
      csaf('ICSA-SINAMICS', 'Siemens', [{ id: '1', name: 'SINAMICS V90 w. PN', version: '< V1.01' }], { known_affected: ['1'] }),
    );
    expect(sinamics({ vendor: 'Siemens', product: 'SINAMICS V90 w. PN', version: 'V1.00' })?.verdict).toBe('affected');
  });
});

describe('an exact product_version and the advisory fix (ICSA-24-214-09 1756-EN4TR, ICSA-23-193-01 1756-EN2T)', () => {
  const match = matcher(
    csaf(
      'ICSA-24-214-09',
      'Rockwell Automation',
      [
        { id: '3', name: '1756-EN4TR', version: 'V2', exact: true },
        { id: '1', name: 'ControlLogix 5580 (1756-L8z)', version: 'V28', exact: true },
      ],
      { known_affected: ['1', '3'] },
      [
        { products: ['3'], details: '1756-EN4TR: Update to versions V5.001 and later.' },
        { products: ['1'], details: 'ControlLogix 5580 (1756-L8z): Update to versions V32.016, V33.015, V34.014,V35.011 and later.' },
      ],
    ),
  );
  const en4tr = { vendor: 'Rockwell Automation', product: '1756-EN4TR' };

  it('equality after normalising: V2, 2 and 2.0 are the listed version', () => {
    for (const version of ['V2', '2', '2.0', 'v2.000']) expect(match({ ...en4tr, version })?.verdict).toBe('affected');
  });

  it('at or past the fix it is not affected, with the fix in the reason; between, review', () => {
    const fixed = match({ ...en4tr, version: 'V5.001' });
    expect(fixed?.verdict).toBe('not_affected');
    expect(fixed?.reasons.find((r) => r.reason?.code === 'matching.version_fixed')?.reason?.params).toMatchObject({ fixed: 'V5.001' });
    expect(match({ ...en4tr, version: 'V6.002' })?.verdict).toBe('not_affected');
    expect(match({ ...en4tr, version: 'V4.002' })?.verdict).toBe('needs_review');
  });

  it('several fix lines: each version is judged against the fix of its own line', () => {
    const plc = { vendor: 'Rockwell Automation', product: 'ControlLogix 5580' };
    expect(fixVersionsIn('Update to versions V32.016, V33.015, V34.014,V35.011 and later.')).toHaveLength(4);
    expect(match({ ...plc, version: 'V28' })?.verdict).toBe('affected');
    expect(match({ ...plc, version: 'V33.015' })?.verdict).toBe('not_affected');
    expect(match({ ...plc, version: 'V33.011' })?.verdict).toBe('needs_review');
    expect(match({ ...plc, version: 'V36.011' })?.verdict).toBe('not_affected');
  });
});
