import { describe, expect, it } from 'vitest';
import { catalogueMatch } from './scenarios';

const options = [
  { value: 'S01', label: '协同研发设计' },
  { value: 'S06', label: '机器视觉质检' },
  { value: 'S07', label: '设备故障诊断' },
  { value: 'S08', label: '设备预测维护' },
];

describe('scenario picker prefers the catalogue (#12 item 7)', () => {
  it('takes the entry named exactly so, ignoring spaces', () => {
    expect(catalogueMatch(' 机器视觉 质检', options)).toBe('S06');
  });
  it('takes the only entry containing the text', () => {
    expect(catalogueMatch('视觉', options)).toBe('S06');
  });
  it('leaves ambiguous or unknown text to become a custom scenario', () => {
    expect(catalogueMatch('设备', options)).toBeUndefined();
    expect(catalogueMatch('5G+AR远程指导', options)).toBeUndefined();
  });
});
