import { describe, expect, it } from 'vitest';
import { maskEmail, maskMobile, maskName, normaliseName } from './masks.js';

describe('training personal data masks (issue #15 item 6)', () => {
  it('keeps the first character of a name only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
  });
  it('masks the middle of a mobile and the mailbox of an e-mail address', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
    expect(maskEmail('zhangsan@example.cn')).toBe('z***@example.cn');
  });
  it('compares names without spaces, middle dots or width differences', () => {
    expect(normaliseName(' 买买提·艾力 ')).toBe(normaliseName('买买提艾力'));
    expect(normaliseName('Ｌｉ Ｌｅｉ')).toBe('LILEI');
  });
});
