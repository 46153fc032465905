import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from './credit-code.js';

// GB 32100-2015 check digit (issue #2 item 3).
describe('checkCreditCode', () => {
  it('accepts published codes of real companies', () => {
    expect(checkCreditCode('914403001922038216')).toBeNull(); // 华为技术有限公司
    expect(checkCreditCode('9144030071526726XG')).toBeNull(); // 腾讯科技（深圳）有限公司
  });

  it('rejects a wrong check digit', () => {
    expect(checkCreditCode('914403001922038217')).toBe('check_digit');
  });

  it('rejects a wrong length or a character outside the alphabet', () => {
    expect(checkCreditCode('91440300192203821')).toBe('length');
    expect(checkCreditCode('9144030019220382I6')).toBe('charset'); // I is excluded
    expect(checkCreditCode('91440300192203821o')).toBe('charset');
  });

  it('computes the check character that makes the code valid, including the 0 case', () => {
    for (const first17 of ['91440106MA5CXK0T1', '91440112MA59B7XH3', '12100000400000624']) {
      expect(checkCreditCode(first17 + creditCodeCheckChar(first17))).toBeNull();
    }
  });
});
