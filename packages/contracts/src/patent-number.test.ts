import { describe, expect, it } from 'vitest';
import { parsePatentNumber, patentCheckChar } from './patent-number.js';

describe('Chinese patent numbers', () => {
  it('accepts a real application number in its usual spellings', () => {
    for (const s of ['201710601862.3', 'ZL201710601862.3', 'CN 2017 1 0601862.3', 'zl2017106018623']) {
      expect(parsePatentNumber(s)).toEqual({ number: '201710601862.3', kind: 'invention', year: 2017 });
    }
  });

  it('knows the old 8-digit form and X as check character', () => {
    expect(parsePatentNumber('95115608.X')).toEqual({ number: '95115608.X', kind: 'invention', year: 1995 });
  });

  it('names what is wrong', () => {
    expect(parsePatentNumber('201710601862.4')).toBe('check_digit');
    expect(parsePatentNumber('201750601862.3')).toBe('type_digit');
    expect(parsePatentNumber('2017-106')).toBe('format');
  });

  it('computes the check for utility models and designs', () => {
    const utility = `202320123456`;
    expect(parsePatentNumber(`${utility}.${patentCheckChar(utility)}`)).toMatchObject({ kind: 'utility_model', year: 2023 });
    const design = `202430654321`;
    expect(parsePatentNumber(`${design}.${patentCheckChar(design)}`)).toMatchObject({ kind: 'design' });
  });
});
