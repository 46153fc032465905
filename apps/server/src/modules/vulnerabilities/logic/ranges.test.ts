import { describe, expect, it } from 'vitest';
import { describeRange, parseAffectedVersions, rangeContains } from './ranges.js';
import type { CveVersionEntry, RangeOrigin, RangeVerdict } from './types.js';

/** For each version, what rangeContains must say. */
function check(raw: string | CveVersionEntry, origin: RangeOrigin, expected: Record<string, RangeVerdict>) {
  const r = parseAffectedVersions(raw, origin);
  for (const [version, verdict] of Object.entries(expected)) {
    expect(rangeContains(r, version).result, `${JSON.stringify(raw)} ∋ ${version}`).toBe(verdict);
  }
  return r;
}

describe('CSAF vers: strings', () => {
  it('vers:all/<V4.1.4', () => {
    const r = check('vers:all/<V4.1.4', 'csaf_vers', {
      'V4.1.3': 'affected',
      '4.1.3.9': 'affected',
      'V4.1.4': 'not_affected',
      '4.1.10': 'not_affected',
    });
    expect(r).toMatchObject({ raw: 'vers:all/<V4.1.4', origin: 'csaf_vers', kind: 'any_of', scheme: 'all' });
  });

  it('vers:generic/>=13.1.0|<13.1.2 is one interval', () => {
    const r = check('vers:generic/>=13.1.0|<13.1.2', 'csaf_vers', {
      '13.0.9': 'not_affected',
      '13.1.0': 'affected',
      '13.1.1': 'affected',
      'V13.1': 'affected',
      '13.1.2': 'not_affected',
    });
    expect(r.anyOf).toEqual([
      [
        { op: '>=', version: '13.1.0' },
        { op: '<', version: '13.1.2' },
      ],
    ]);
  });

  it('vers:all/* is every version, even an unreadable or missing one', () => {
    const r = check('vers:all/*', 'csaf_vers', { '1.0': 'affected', A8: 'affected', '': 'affected', garbage: 'affected' });
    expect(r.kind).toBe('all');
  });

  it('vers:intdot with several intervals and an exact version', () => {
    check('vers:intdot/>=1.0|<=1.5|=2.0|>=3.0', 'csaf_vers', {
      '0.9': 'not_affected',
      '1.2': 'affected',
      '1.5': 'affected',
      '1.6': 'not_affected',
      '2.0': 'affected',
      '2.1': 'not_affected',
      '3.0': 'affected',
      '99': 'affected',
    });
  });

  it('vers: with != excludes a version everywhere', () => {
    check('vers:generic/>=1.0|<2.0|!=1.5', 'csaf_vers', { '1.4': 'affected', '1.5': 'not_affected', '1.6': 'affected' });
  });

  it('an unreadable vers: string is unknown and every version needs review', () => {
    const r = check('vers:generic/>=banana', 'csaf_vers', { '1.0': 'needs_review' });
    expect(r.kind).toBe('unknown');
    expect(r.note).toContain('banana');
    expect(parseAffectedVersions('vers:nothing', 'csaf_vers').kind).toBe('unknown');
  });
});

describe('free forms vendors write in CSAF product names', () => {
  it('<V3.2_SP2 (service pack)', () => {
    check('<V3.2_SP2', 'csaf_name', {
      'V3.2': 'affected',
      'V3.2 SP1': 'affected',
      'V3.2_SP2': 'not_affected',
      'V3.2 SP3': 'not_affected',
      'V3.3': 'not_affected',
      'V3.1': 'affected',
    });
  });

  it('>=V13.1.0|<13.1.2 (V prefix on one side only)', () => {
    check('>=V13.1.0|<13.1.2', 'csaf_name', {
      '13.1.0': 'affected',
      'V13.1.1': 'affected',
      '13.1.2': 'not_affected',
      '13.0': 'not_affected',
    });
  });

  it('<=A8 (Mitsubishi revision codes)', () => {
    check('<=A8', 'csaf_name', {
      A7: 'affected',
      A8: 'affected',
      A9: 'not_affected',
      AD: 'not_affected',
      B0: 'not_affected',
      '1.0': 'needs_review',
    });
  });

  it('All versions / all / *', () => {
    for (const raw of ['All versions', 'all', '*', 'ALL VERSIONS', '所有版本'])
      expect(parseAffectedVersions(raw, 'csaf_name').kind, raw).toBe('all');
  });

  it('"V2.0 and prior", "8.1.1.3 and prior", "or earlier"', () => {
    check('V2.0 and prior', 'csaf_name', { 'V1.9': 'affected', 'V2.0': 'affected', 'V2.0.1': 'not_affected' });
    check('8.1.1.3 and prior', 'text', { '8.1.1.3': 'affected', '8.1.0': 'affected', '8.2': 'not_affected' });
    check('V4.2 or earlier', 'text', { 'V4.2': 'affected', 'V4.3': 'not_affected' });
    check('Versions 8.1.1.3 and prior', 'text', { '8.1.1.3': 'affected', '8.2': 'not_affected' });
  });

  it('"before 5.4", "prior to V5.4", "versions prior to 5.4" exclude 5.4 itself', () => {
    for (const raw of ['before 5.4', 'prior to V5.4', 'versions prior to 5.4', 'All versions prior to V5.4']) {
      check(raw, 'text', { '5.3.9': 'affected', '5.4': 'not_affected', '5.5': 'not_affected' });
    }
  });

  it('"All versions < V3.2 SP2" and "All versions >= V1.0 and < V2.0" (Siemens wording)', () => {
    check('All versions < V3.2 SP2', 'text', { 'V3.2 SP1': 'affected', 'V3.2 SP2': 'not_affected' });
    check('All versions >= V1.0 and < V2.0', 'text', {
      'V0.9': 'not_affected',
      'V1.0': 'affected',
      'V1.9': 'affected',
      'V2.0': 'not_affected',
    });
  });

  it('"5.0 and later", "from 2.1", "up to 3.0", "4.x"', () => {
    check('5.0 and later', 'text', { '4.9': 'not_affected', '5.0': 'affected', '6.1': 'affected' });
    check('from 2.1', 'text', { '2.0': 'not_affected', '2.1': 'affected' });
    check('up to 3.0', 'text', { '3.0': 'affected', '3.0.1': 'not_affected' });
    check('4.x', 'text', { '3.9': 'not_affected', '4.0': 'affected', '4.99.1': 'affected', '5.0': 'not_affected' });
  });

  it('Chinese forms: V2.0及之前版本, V3.0及以上', () => {
    check('V2.0及之前版本', 'text', { 'V2.0': 'affected', 'V1.5': 'affected', 'V2.1': 'not_affected' });
    check('V3.0及以上', 'text', { 'V2.9': 'not_affected', 'V3.0': 'affected' });
  });

  it('lists of versions and ranges', () => {
    check('V1.0, V1.2; 2.x', 'text', {
      'V1.0': 'affected',
      'V1.1': 'not_affected',
      'V1.2': 'affected',
      '2.5': 'affected',
      '3.0': 'not_affected',
    });
  });

  it('a bare version means exactly that version', () => {
    check('8.2', 'csaf_name', { '8.2': 'affected', '8.2.0': 'affected', '8.1': 'not_affected', '8.2.1': 'not_affected' });
    check('MX-V4.0.2.33.r2', 'csaf_name', { 'MX-V4.0.2.33.r2': 'affected', 'MX-V4.0.2.33': 'not_affected' });
  });

  it('keeps the raw string and explains what it could not read', () => {
    const r = parseAffectedVersions('see the vendor portal', 'text');
    expect(r).toMatchObject({ raw: 'see the vendor portal', kind: 'unknown' });
    expect(rangeContains(r, '1.0')).toEqual({ result: 'needs_review', reason: expect.stringContaining('see the vendor portal') });
  });
});

describe('CVE JSON 5 versions entries', () => {
  it('version + lessThan', () => {
    const r = check({ version: '13.1.0', lessThan: '13.1.2', status: 'affected', versionType: 'custom' }, 'cve', {
      '13.0': 'not_affected',
      '13.1.0': 'affected',
      '13.1.1': 'affected',
      '13.1.2': 'not_affected',
    });
    expect(r).toMatchObject({ origin: 'cve', scheme: 'custom', raw: '13.1.0 < 13.1.2' });
  });

  it('version 0 + lessThanOrEqual has no lower bound', () => {
    check({ version: '0', lessThanOrEqual: '8.1.1.3', status: 'affected' }, 'cve', {
      '1.0': 'affected',
      '8.1.1.3': 'affected',
      '8.2': 'not_affected',
    });
  });

  it('lessThan "*" means every version from version on', () => {
    check({ version: '2.0', lessThan: '*', status: 'affected' }, 'cve', { '1.9': 'not_affected', '2.0': 'affected', '9.0': 'affected' });
    expect(parseAffectedVersions({ version: '0', lessThan: '*' }, 'cve').kind).toBe('all');
  });

  it('"13.1.0-13.1.2" is an inclusive range', () => {
    check({ version: '13.1.0-13.1.2', status: 'affected' }, 'cve', {
      '13.0.9': 'not_affected',
      '13.1.0': 'affected',
      '13.1.2': 'affected',
      '13.1.3': 'not_affected',
    });
  });

  it('"All versions", "8.1.1.3 and prior", an exact version', () => {
    expect(parseAffectedVersions({ version: 'All versions', status: 'affected' }, 'cve').kind).toBe('all');
    check({ version: '8.1.1.3 and prior', status: 'affected' }, 'cve', { '8.1.1.3': 'affected', '8.2': 'not_affected' });
    check({ version: 'V2.1.0', status: 'affected' }, 'cve', { 'V2.1': 'affected', 'V2.1.1': 'not_affected' });
  });

  it('"unspecified" and "n/a" are unknown (review), not "no match"', () => {
    for (const version of ['unspecified', 'n/a']) {
      const r = parseAffectedVersions({ version, status: 'affected' }, 'cve');
      expect(r.kind, version).toBe('unknown');
      expect(rangeContains(r, '1.0').result).toBe('needs_review');
    }
  });
});

describe('rangeContains', () => {
  const r = parseAffectedVersions('<V3.2_SP2', 'csaf_name');

  it('gives the reason with the raw bound', () => {
    expect(rangeContains(r, 'V3.1')).toEqual({ result: 'affected', reason: 'version "V3.1" is in < V3.2_SP2' });
    expect(rangeContains(r, 'V3.3')).toEqual({ result: 'not_affected', reason: 'version "V3.3" is outside < V3.2_SP2' });
  });

  it('needs review when the asset has no version, an unreadable one, or one that cannot be compared', () => {
    expect(rangeContains(r, '')).toMatchObject({ result: 'needs_review', reason: 'asset has no version; affected: < V3.2_SP2' });
    expect(rangeContains(r, null)).toMatchObject({ result: 'needs_review' });
    expect(rangeContains(r, 'latest')).toMatchObject({ result: 'needs_review', reason: expect.stringContaining('cannot be read') });
    expect(rangeContains(r, 'V3.2.1')).toMatchObject({
      result: 'needs_review',
      reason: expect.stringContaining('cannot compare "V3.2.1" with "V3.2_SP2"'),
    });
    expect(rangeContains(parseAffectedVersions('<=A8', 'csaf_name'), 'V2.0').result).toBe('needs_review');
  });

  it('a definite "outside" in one bound wins over an undecidable other bound', () => {
    // 1.0 < 13.1.0 decides; the upper bound is never in doubt.
    expect(rangeContains(parseAffectedVersions('>=13.1.0|<A8', 'csaf_name'), '1.0').result).toBe('not_affected');
  });

  it('describes ranges for people', () => {
    expect(describeRange(parseAffectedVersions('>=V13.1.0|<13.1.2', 'csaf_name'))).toBe('>= V13.1.0 and < 13.1.2');
    expect(describeRange(parseAffectedVersions('vers:all/*', 'csaf_vers'))).toBe('all versions');
  });

  it('never throws on odd input', () => {
    const odd = [
      '',
      '<',
      '<=',
      '>=|<',
      '|||',
      'vers:',
      'vers:/',
      'and prior',
      'before',
      '1.0 -',
      '- 2.0',
      '<<1',
      '>=1.0|<',
      '≤ V2',
      'x'.repeat(1000),
      '\uD800',
      '１．０ and prior',
    ];
    for (const raw of odd) {
      const r = parseAffectedVersions(raw, 'text');
      expect(['all', 'any_of', 'unknown']).toContain(r.kind);
      for (const v of ['1.0', '', 'A8', raw]) expect(['affected', 'not_affected', 'needs_review']).toContain(rangeContains(r, v).result);
    }
    // Random strings over the characters ranges are written with.
    let seed = 7;
    const chars = 'vV0123456789._- SPsp<>=|*!,;andpriorbeforeAllversions:/xX之前版本';
    for (let n = 0; n < 500; n++) {
      let raw = n % 3 === 0 ? 'vers:generic/' : '';
      const len = seed % 16;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        raw += chars[seed % chars.length];
      }
      seed = (seed * 1103515245 + 12345) % 2147483648;
      for (const origin of ['csaf_vers', 'csaf_name', 'cve', 'text'] as const) {
        const r = parseAffectedVersions(raw, origin);
        expect(r.raw).toBe(raw);
        for (const v of ['1.0', 'V3.2 SP1', 'A8', ''])
          expect(['affected', 'not_affected', 'needs_review']).toContain(rangeContains(r, v).result);
      }
    }
    expect(parseAffectedVersions(null, 'text').kind).toBe('unknown');
    expect(parseAffectedVersions({ version: 42 } as unknown as CveVersionEntry, 'cve').kind).toBe('unknown');
    expect(parseAffectedVersions('≤ V2', 'text').anyOf).toEqual([[{ op: '<=', version: 'V2' }]]);
  });
});
