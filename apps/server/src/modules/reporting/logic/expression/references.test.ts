import { describe, expect, it } from 'vitest';
import { parseExpression } from './parse.js';
import { checkReferences, createMapResolver, referenceKey, references } from './references.js';

describe('references', () => {
  it('lists distinct data element and indicator codes in order of first appearance, and every reference with its position', () => {
    const found = references(parseExpression('#{BS.5GA} + #{FIBRE} + #{BS}.periodOffset(-1) + I{T-INF-2} * I{T-INF-1} - I{T-INF-2}'));
    expect(found.dataElements).toEqual(['BS', 'FIBRE']);
    expect(found.indicators).toEqual(['T-INF-2', 'T-INF-1']);
    expect(found.items).toEqual([
      { kind: 'dataElement', code: 'BS', categoryOption: '5GA', periodOffset: 0, position: 0 },
      { kind: 'dataElement', code: 'FIBRE', categoryOption: null, periodOffset: 0, position: 12 },
      { kind: 'dataElement', code: 'BS', categoryOption: null, periodOffset: -1, position: 23 },
      { kind: 'indicator', code: 'T-INF-2', position: 48 },
      { kind: 'indicator', code: 'T-INF-1', position: 61 },
      { kind: 'indicator', code: 'T-INF-2', position: 74 },
    ]);
  });

  it('finds references inside every kind of node', () => {
    const found = references(parseExpression('if(not #{a} > 0, -#{b}, coalesce(#{c}, greatest(#{d}, least(I{e}))))'));
    expect(found.dataElements).toEqual(['a', 'b', 'c', 'd']);
    expect(found.indicators).toEqual(['e']);
    expect(references(parseExpression('1 + 2'))).toEqual({ dataElements: [], indicators: [], items: [] });
  });
});

describe('checkReferences', () => {
  const known = {
    dataElements: new Map([
      ['BS', new Set(['5GA', 'MACRO'])],
      ['FIBRE', new Set<string>()],
    ]),
    indicators: new Set(['T-INF-1']),
  };

  it('accepts a formula that uses only known codes', () => {
    expect(checkReferences(parseExpression('#{BS} + #{BS.5GA} + #{FIBRE} + I{T-INF-1}'), known)).toEqual([]);
  });

  it('names each unknown data element, category option and indicator at its position', () => {
    const errors = checkReferences(parseExpression('#{BS.VENUE} + #{BSS} + I{T-INF-9} + #{FIBRE.X}'), known);
    expect(errors.map((e) => e.message)).toEqual([
      'at 0: data element BS has no category option VENUE',
      'at 14: unknown data element BSS',
      'at 23: unknown indicator T-INF-9',
      'at 36: data element FIBRE has no category option X',
    ]);
    expect(errors.every((e) => e.kind === 'unknown_reference')).toBe(true);
  });
});

describe('referenceKey and createMapResolver', () => {
  it('writes references canonically, without the period offset', () => {
    expect(referenceKey({ kind: 'dataElement', code: 'BS', categoryOption: null, periodOffset: -1 })).toBe('#{BS}');
    expect(referenceKey({ kind: 'dataElement', code: 'BS', categoryOption: '5GA', periodOffset: 0 })).toBe('#{BS.5GA}');
    expect(referenceKey({ kind: 'indicator', code: 'T-INF-1' })).toBe('I{T-INF-1}');
  });

  it('reads this period from the first record and shifted periods from the second', () => {
    const resolve = createMapResolver({ '#{BS}': 120 }, { [-1]: { '#{BS}': 100 } });
    expect(resolve({ kind: 'dataElement', code: 'BS', categoryOption: null, periodOffset: 0 })).toBe(120);
    expect(resolve({ kind: 'dataElement', code: 'BS', categoryOption: null, periodOffset: -1 })).toBe(100);
    expect(resolve({ kind: 'dataElement', code: 'BS', categoryOption: null, periodOffset: -2 })).toBeNull();
    expect(resolve({ kind: 'dataElement', code: 'FIBRE', categoryOption: null, periodOffset: 0 })).toBeNull();
  });
});
