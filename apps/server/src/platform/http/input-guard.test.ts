import { describe, expect, it } from 'vitest';
import { findBadInput, MAX_INPUT_DEPTH, textProblem } from './input-guard.js';

describe('the edge check on text', () => {
  it('refuses NUL and unpaired surrogates, accepts every well-formed text', () => {
    expect(textProblem('a\u0000b')).toBe('nul_character');
    expect(textProblem('\ud800')).toBe('unpaired_surrogate');
    expect(textProblem('x\udc00')).toBe('unpaired_surrogate');
    expect(textProblem('\udfff\ud800')).toBe('unpaired_surrogate');
    for (const fine of ['', '穗联 😀', '\u0001\t\r\n', '\ud83d\ude00', '\uFFFD']) expect(textProblem(fine), fine).toBeNull();
  });

  it('names the first bad field of a nested value by its path, keys included', () => {
    expect(findBadInput({ a: 'ok', b: [{ c: 'x' }, { d: 'bad\u0000' }] }, 'body')).toMatchObject({
      field: 'body.b.1.d',
      rule: 'nul_character',
    });
    expect(findBadInput({ ['k\ud800']: 1 }, 'querystring')).toMatchObject({ field: 'querystring.k\ud800', rule: 'unpaired_surrogate' });
    expect(findBadInput('\u0000', 'body')).toMatchObject({ field: 'body', rule: 'nul_character' });
    expect(findBadInput({ a: [1, true, null, { b: '穗' }] }, 'body')).toBeNull();
    expect(findBadInput(undefined, 'body')).toBeNull();
  });

  it('refuses nesting deeper than the limit without exhausting the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadInput(deep, 'body')).toMatchObject({ rule: 'max_depth' });
    let fine: unknown = 'x';
    for (let i = 1; i < MAX_INPUT_DEPTH; i++) fine = { a: fine };
    expect(findBadInput(fine, 'body')).toBeNull();
  });
});
