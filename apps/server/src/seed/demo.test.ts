import { checkCreditCode } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { demoCreditCode } from './demo-codes.js';
import { seededRandom } from './prng.js';
import { readDivisions } from './reference.js';

describe('demo and reference data', () => {
  it('generates valid, repeatable credit codes from a seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const codes = Array.from({ length: 20 }, () => demoCreditCode('440112', a));
    expect(codes).toEqual(Array.from({ length: 20 }, () => demoCreditCode('440112', b)));
    for (const code of codes) {
      expect(checkCreditCode(code)).toBeNull();
      expect(code.startsWith('91440112')).toBe(true);
    }
  });

  it('reads Guangzhou and its 11 districts from the reference CSV', () => {
    const divisions = readDivisions();
    expect(divisions).toHaveLength(12);
    expect(divisions[0]).toEqual({ code: '440100', nameZh: '广州市', nameEn: 'Guangzhou' });
    expect(divisions.map((d) => d.nameZh)).toContain('黄埔区');
  });
});
