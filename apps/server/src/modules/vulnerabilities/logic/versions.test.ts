import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion } from './versions.js';

/** Asserts a < b, and the mirror b > a. */
function less(a: string, b: string) {
  expect(compareVersions(a, b), `${a} < ${b}`).toBe(-1);
  expect(compareVersions(b, a), `${b} > ${a}`).toBe(1);
}
function same(a: string, b: string) {
  expect(compareVersions(a, b), `${a} = ${b}`).toBe(0);
  expect(compareVersions(b, a), `${b} = ${a}`).toBe(0);
}
function undecidable(a: string, b: string) {
  expect(compareVersions(a, b), `${a} ? ${b}`).toBeNull();
  expect(compareVersions(b, a), `${b} ? ${a}`).toBeNull();
}

describe('parseVersion', () => {
  it('keeps the raw string and reads dotted numbers without the V prefix', () => {
    const v = parseVersion('V13.1.2');
    expect(v.raw).toBe('V13.1.2');
    expect(v.ok).toBe(true);
    expect(v.tokens).toEqual([
      { kind: 'num', value: 13, text: '13' },
      { kind: 'num', value: 1, text: '1' },
      { kind: 'num', value: 2, text: '2' },
    ]);
  });

  it('reads service packs written as _SP2, SP2, " SP 2" and "Service Pack 2" alike', () => {
    for (const raw of ['V3.2_SP2', 'V3.2 SP2', 'V3.2 SP 2', 'v3.2sp2', 'V3.2 Service Pack 2']) {
      expect(
        parseVersion(raw).tokens.map((t) => [t.kind, t.value]),
        raw,
      ).toEqual([
        ['num', 3],
        ['num', 2],
        ['sp', 2],
      ]);
    }
  });

  it('reads update and build words', () => {
    expect(parseVersion('V16 Update 4').tokens.map((t) => t.kind)).toEqual(['num', 'update']);
    expect(parseVersion('V17 Upd3').tokens.map((t) => t.kind)).toEqual(['num', 'update']);
    expect(parseVersion('2.1 build 1234').tokens.map((t) => [t.kind, t.value])).toEqual([
      ['num', 2],
      ['num', 1],
      ['build', 1234],
    ]);
  });

  it('treats Mitsubishi revision codes (A8, FB, LF) as one code', () => {
    for (const raw of ['A8', 'FB', 'BF', 'LF', 'AD']) {
      const v = parseVersion(raw);
      expect(v.ok, raw).toBe(true);
      expect(v.tokens).toEqual([{ kind: 'word', value: `#${raw}` }]);
    }
  });

  it('strips product prefixes before the V: MX-V4.0.2.33.r2, FW V2.1, Version 3', () => {
    expect(compareVersions('MX-V4.0.2.33.r2', '4.0.2.33.r2')).toBe(0);
    expect(compareVersions('FW V2.1', '2.1')).toBe(0);
    expect(compareVersions('Version 3', 'V3.0')).toBe(0);
  });

  it('says why a string is not a version', () => {
    expect(parseVersion('')).toMatchObject({ ok: false, reason: 'empty version' });
    expect(parseVersion('   ')).toMatchObject({ ok: false, reason: 'empty version' });
    expect(parseVersion('see vendor advisory')).toMatchObject({ ok: false, reason: 'no version number in it' });
    expect(parseVersion('1.'.repeat(50))).toMatchObject({ ok: false, reason: 'version longer than 80 characters' });
  });
});

describe('compareVersions', () => {
  it('orders dotted numbers numerically, not as text', () => {
    less('4.1.4', '4.1.10');
    less('V9.9', 'V10.0');
    less('8.1.1.3', '8.2');
    less('4.0.0.325', '4.0.0.350');
    less('13.1.0', '13.1.2');
  });

  it('ignores the V prefix and trailing zeros', () => {
    same('V13.1.0', '13.1');
    same('v2', '2.0.0');
    same('V3.2.0 SP2', 'V3.2_SP2');
    same('007.1', '7.1');
  });

  it('places service packs after the release and in order', () => {
    less('V3.2', 'V3.2 SP1');
    less('V3.2_SP1', 'V3.2_SP2');
    less('V3.2 SP 2', 'V3.3');
    less('V3.1 SP5', 'V3.2');
    same('V3.2 SP0', 'V3.2');
  });

  it('orders updates and builds', () => {
    less('V16', 'V16 Update 4');
    less('V16 Update 4', 'V16 Update 12');
    less('2.1 build 99', '2.1 build 100');
  });

  it('orders letter suffixes after the plain number and alphabetically', () => {
    less('1.2', '1.2b');
    less('1.2a', '1.2b');
    less('4.0.2.33', 'MX-V4.0.2.33.r2');
    less('MX-V4.0.2.33.r1', 'MX-V4.0.2.33.r2');
  });

  it('orders pre-releases before the release', () => {
    less('2.0-rc1', '2.0');
    less('2.0-beta', '2.0-rc1');
    less('2.0alpha', '2.0beta');
  });

  it('orders revision codes digits-before-letters, character by character', () => {
    less('A7', 'A8');
    less('A8', 'A9');
    less('A9', 'AD');
    less('A8', 'FB');
    less('BF', 'FB');
    less('FB', 'LF');
    same('a8', 'A8');
  });

  it('compares numbers of any length exactly (no floating point)', () => {
    less('1.99999999999999999998', '1.99999999999999999999');
    same('2.00000000000000000000001', '2.00000000000000000000001');
  });

  it('returns null when it cannot decide, instead of guessing', () => {
    undecidable('A8', '2.1');
    undecidable('V3.2 SP1', 'V3.2.1');
    undecidable('4.1a', '4.1.2');
    undecidable('A8', 'AD1');
    undecidable('', '1.0');
    undecidable('unknown', '1.0');
    undecidable('1.0 final-release', '1.0.1');
  });

  it('never throws, whatever it is given (property-style sweep)', () => {
    const odd = [
      '',
      ' ',
      'V',
      'v.',
      '..',
      '-',
      '*',
      'SP',
      'SP2',
      '_SP',
      'x.y.z',
      '1..2',
      '1.2.',
      '.1',
      '１．２',
      'V١٢',
      '版本2.0',
      'V2.0版',
      '\u0000',
      '\uD800',
      '9'.repeat(400),
      `${'1.'.repeat(39)}1`,
      'null',
      'undefined',
      'NaN',
      '1e5',
      '-1',
      '+1',
      'A',
      'ZZZ',
      'A8 SP1',
      'MX-',
      'build',
      'Update',
      '2024-01-30',
      '0x1F',
      '3.0.1-beta+exp.sha.5114f85',
    ];
    let seed = 42;
    const chars = 'vV0123456789._- SPspAaBbxX*()<>=|rcUpdatebuild';
    for (let n = 0; n < 1000; n++) {
      let s = '';
      const len = seed % 12;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += chars[seed % chars.length];
      }
      seed = (seed * 1103515245 + 12345) % 2147483648;
      odd.push(s);
    }
    for (const a of odd) {
      const pa = parseVersion(a);
      expect(typeof pa.ok).toBe('boolean');
      for (const b of ['1.0', 'V3.2_SP2', 'A8', a]) {
        const c = compareVersions(a, b);
        expect([-1, 0, 1, null]).toContain(c);
        // Antisymmetry: if a < b then b > a; undecidable both ways.
        const back = compareVersions(b, a);
        expect(back === null ? null : -back || 0).toBe(c === null ? null : c || 0);
      }
    }
    expect(() => compareVersions(undefined as unknown as string, null as unknown as string)).not.toThrow();
    expect(compareVersions(undefined as unknown as string, '1.0')).toBeNull();
  });
});
