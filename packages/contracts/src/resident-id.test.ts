import { describe, expect, it } from 'vitest';
import { checkResidentId, maskResidentId, residentIdCheckChar } from './resident-id.js';

// A made-up number: Guangzhou Tianhe region code, born 1985-03-12, sequence 123.
const FIRST17 = '44010619850312123';

describe('GB 11643-1999 identity numbers (#16 item 2)', () => {
  it('accepts a number whose check character is right, lower-case x never', () => {
    const id = FIRST17 + residentIdCheckChar(FIRST17);
    expect(checkResidentId(id)).toBeNull();
    // The standard's own worked example ends in X.
    expect(checkResidentId('11010519491231002X')).toBeNull();
    expect(checkResidentId('11010519491231002x')).toBe('charset');
  });

  it('names the rule a bad number breaks', () => {
    const good = FIRST17 + residentIdCheckChar(FIRST17);
    const wrongCheck = FIRST17 + (good.endsWith('0') ? '1' : '0');
    expect(checkResidentId(wrongCheck)).toBe('check_digit');
    expect(checkResidentId(good.slice(1))).toBe('length');
    expect(checkResidentId('4401061985A312123X')).toBe('charset');
    const feb30 = '44010619850230123';
    expect(checkResidentId(feb30 + residentIdCheckChar(feb30))).toBe('birth_date');
  });

  it('masks all but the region and the check character', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101*************X');
  });
});
