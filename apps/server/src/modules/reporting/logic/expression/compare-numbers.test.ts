import { describe, expect, it } from 'vitest';
import { compareNumbers } from './compare-numbers.js';

describe('compareNumbers', () => {
  it('treats floating-point noise as equality', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(compareNumbers('==', 0.1 + 0.2, 0.3)).toBe(true);
    expect(compareNumbers('>', 0.1 + 0.2, 0.3)).toBe(false);
    expect(compareNumbers('<=', 0.1 + 0.2, 0.3)).toBe(true);
    expect(compareNumbers('==', 123_456_789.1 + 0.2, 123_456_789.3)).toBe(true);
  });

  it('keeps real differences, even of one unit in a trillion', () => {
    expect(compareNumbers('==', 1e12, 1e12 + 1)).toBe(false);
    expect(compareNumbers('<', 1e12, 1e12 + 1)).toBe(true);
    expect(compareNumbers('==', 0.3, 0.30001)).toBe(false);
  });

  it.each([
    ['==', [false, true, false]],
    ['!=', [true, false, true]],
    ['>', [false, false, true]],
    ['>=', [false, true, true]],
    ['<', [true, false, false]],
    ['<=', [true, true, false]],
  ] as const)('%s for 1 vs 2, 2 vs 2, 3 vs 2', (operator, expected) => {
    expect([compareNumbers(operator, 1, 2), compareNumbers(operator, 2, 2), compareNumbers(operator, 3, 2)]).toEqual(expected);
  });
});
