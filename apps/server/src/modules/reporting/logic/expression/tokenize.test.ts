import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const brief = (source: string) =>
  tokenize(source).map((t) => {
    if (t.type === 'operator') return `${t.operator}@${t.start}`;
    if (t.type === 'number') return `n${t.value}@${t.start}`;
    if (t.type === 'dataElement') return `#${t.code}${t.categoryOption === null ? '' : `.${t.categoryOption}`}@${t.start}-${t.end}`;
    if (t.type === 'indicator') return `I${t.code}@${t.start}-${t.end}`;
    if (t.type === 'name') return `${t.name}@${t.start}`;
    return `end@${t.start}`;
  });

describe('tokenize', () => {
  it('reads references, numbers, names and operators with their offsets', () => {
    expect(brief('#{BS.5GA} >= 1.5*I{T-INF-1}')).toEqual(['#BS.5GA@0-9', '>=@10', 'n1.5@13', '*@16', 'IT-INF-1@17-27', 'end@27']);
    expect(brief('greatest(#{a},2)')).toEqual(['greatest@0', '(@8', '#a@9-13', ',@13', 'n2@14', ')@15', 'end@16']);
  });

  it('reads and/or/not in any case and as &&, ||, !', () => {
    expect(brief('1 AND 2 Or not 3 && 4 || !5 != 6')).toEqual([
      'n1@0',
      'and@2',
      'n2@6',
      'or@8',
      'not@11',
      'n3@15',
      'and@17',
      'n4@20',
      'or@22',
      'not@25',
      'n5@26',
      '!=@28',
      'n6@31',
      'end@32',
    ]);
  });

  it('accepts Chinese codes and skips any whitespace', () => {
    expect(brief('\t#{基站_总数}\n+ 1 ')).toEqual(['#基站_总数@1-9', '+@10', 'n1@12', 'end@14']);
  });

  it('keeps the source text of every token for error messages', () => {
    expect(tokenize('if(#{a}.periodOffset(-1)>0,1,0)').map((t) => t.text)).toEqual([
      'if',
      '(',
      '#{a}',
      '.',
      'periodOffset',
      '(',
      '-',
      '1',
      ')',
      '>',
      '0',
      ',',
      '1',
      ',',
      '0',
      ')',
      '',
    ]);
  });

  it('refuses a number too large to hold', () => {
    expect(() => tokenize('9'.repeat(400))).toThrow('at 0: the number 999999999999… is too large');
  });
});
