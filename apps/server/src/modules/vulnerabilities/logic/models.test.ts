import { describe, expect, it } from 'vitest';
import { isModelPattern, matchModel, modelsInName, normaliseModel } from './models.js';

describe('normaliseModel', () => {
  it('folds case, spaces, dashes and full-width characters', () => {
    expect(normaliseModel('6ES7 518-4AX00-1AB0')).toBe('6ES75184AX001AB0');
    expect(normaliseModel('6es7518_4ax00.1ab0')).toBe('6ES75184AX001AB0');
    expect(normaliseModel('６ＥＳ７５１８－４ＡＸ００－１ＡＢ０')).toBe('6ES75184AX001AB0');
  });
});

describe('matchModel', () => {
  it('matches Siemens MLFBs exactly after normalisation; upper-case X is a literal', () => {
    expect(matchModel('6ES7518-4AX00-1AB0', '6ES7518-4AX00-1AB0')).toBe('exact');
    expect(matchModel('6ES7518-4AX00-1AB0', '6ES7 518-4AX00-1AB0')).toBe('exact');
    expect(matchModel('6ES7518-4AX00-1AB0', '6es7518-4ax00-1ab0')).toBe('exact');
    expect(matchModel('6ES7518-4AX00-1AB0', '6ES7518-4AX00-1AC0')).toBeNull();
    expect(matchModel('6ES7518-4AX00-1AB0', '6ES7518-4AY00-1AB0')).toBeNull();
    expect(matchModel('9DE5110-8CA13-1AX0', '9DE5110-8CA13-1AB0')).toBeNull();
  });

  it('matches Mitsubishi ** patterns: any suffix after the fixed part', () => {
    expect(matchModel('BND-2051W000-**', 'BND-2051W000-A1')).toBe('pattern');
    expect(matchModel('BND-2051W000-**', 'bnd 2051w000 b3')).toBe('pattern');
    expect(matchModel('BND-2051W000-**', 'BND-2051W000')).toBe('pattern');
    expect(matchModel('BND-2051W000-**', 'BND-2052W000-A1')).toBeNull();
  });

  it('matches a lone * at the end as any rest; * in the middle and ? are one character (#13 item 3)', () => {
    expect(matchModel('6ES7518-4AX00-*', '6ES7518-4AX00-1AB0')).toBe('pattern');
    expect(matchModel('6ES7518-4AX00-*', '6ES7518-4FX00-1AB0')).toBeNull();
    expect(matchModel('6ES75*8-4AX00-1AB0', '6ES7518-4AX00-1AB0')).toBe('pattern');
    expect(matchModel('6ES7*-1AB0', '6ES7518-4AX00-1AB0')).toBeNull();
    expect(matchModel('6ES7518-4AX00-1A?0', '6ES7518-4AX00-1AC0')).toBe('pattern');
  });

  it('treats lower-case x in an otherwise upper-case number as a placeholder', () => {
    expect(isModelPattern('6ES7 5xx-xxx00-0AB0')).toBe(true);
    expect(matchModel('6ES7 5xx-xxx00-0AB0', '6ES7518-4AX00-0AB0')).toBe('pattern');
    expect(matchModel('6ES7 5xx-xxx00-0AB0', '6ES7418-4AX00-0AB0')).toBeNull();
    expect(isModelPattern('6ES7518-4AX00-1AB0')).toBe(false);
  });

  it('does not match empty input or a pattern of only wildcards', () => {
    expect(matchModel('BND-2051W000-**', '')).toBeNull();
    expect(matchModel('**', 'anything')).toBeNull();
    expect(matchModel('', '')).toBeNull();
    expect(matchModel(undefined as unknown as string, 'x')).toBeNull();
  });

  it('escapes regular-expression characters in patterns', () => {
    expect(matchModel('AB+C*', 'AB+C1')).toBe('pattern');
    expect(matchModel('AB+C*', 'ABBC1')).toBeNull();
  });
});

describe('modelsInName', () => {
  it('takes order numbers out of product names', () => {
    expect(modelsInName('M800VW (BND-2051W000-**)')).toEqual({ models: ['BND-2051W000-**'], rest: 'M800VW' });
    expect(modelsInName('SIMATIC S7-1500 CPU 1518-4 PN/DP MFP (6ES7518-4AX00-1AB0)')).toEqual({
      models: ['6ES7518-4AX00-1AB0'],
      rest: 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP',
    });
  });

  it('leaves ordinary parentheses alone', () => {
    expect(modelsInName('CPU 1518(F)-4 PN/DP')).toEqual({ models: [], rest: 'CPU 1518(F)-4 PN/DP' });
    expect(modelsInName('Data Center Expert (all versions)')).toEqual({ models: [], rest: 'Data Center Expert (all versions)' });
  });
});
