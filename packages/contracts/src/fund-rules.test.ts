import { describe, expect, it } from 'vitest';
import {
  awardCeiling,
  defaultAward,
  type EligibilityFacts,
  type FundAwardRule,
  type FundEligibilityRule,
  fromFen,
  judgeEligibility,
  toFen,
  wanToYuan,
} from './fund-rules.js';

const HUANGPU = '11111111-1111-4111-8111-111111111111';
const TIANHE = '22222222-2222-4222-8222-222222222222';
const facts: EligibilityFacts = {
  projectState: 'accepted',
  districtId: HUANGPU,
  districtName: '黄埔区',
  sizeClass: 'large',
  honourTypes: ['专精特新'],
  investment5gYuan: '1200000.00',
  links: { factory: true, network: false, selection: false },
};

describe('fund eligibility rules (#16 item 1)', () => {
  it('finds an application meeting every rule eligible', () => {
    const rules: FundEligibilityRule[] = [
      { kind: 'project_state', states: ['built', 'accepted'] },
      { kind: 'district', districtIds: [HUANGPU, TIANHE] },
      { kind: 'size_class', sizeClasses: ['large', 'medium'] },
      { kind: 'honour', honourTypes: ['专精特新', '单项冠军'] },
      { kind: 'min_investment_5g', amount: '1000000' },
      { kind: 'requires_link', link: 'factory' },
    ];
    expect(judgeEligibility(rules, facts)).toEqual([]);
  });

  it('gives every failed rule as a code with parameters, in the rules’ order', () => {
    const rules: FundEligibilityRule[] = [
      { kind: 'project_state', states: ['accepted'] },
      { kind: 'district', districtIds: [TIANHE] },
      { kind: 'size_class', sizeClasses: ['small'] },
      { kind: 'honour', honourTypes: ['单项冠军'] },
      { kind: 'min_investment_5g', amount: '1200000.01' },
      { kind: 'requires_link', link: 'network' },
    ];
    expect(judgeEligibility(rules, { ...facts, projectState: 'under_construction' })).toEqual([
      { code: 'project_state', params: { state: 'under_construction', allowed: 'accepted' } },
      { code: 'district', params: { district: '黄埔区' } },
      { code: 'size_class', params: { sizeClass: 'large', allowed: 'small' } },
      { code: 'honour', params: { required: '单项冠军' } },
      { code: 'min_investment_5g', params: { minimum: '1200000.01', declared: '1200000.00' } },
      { code: 'requires_link', params: { link: 'network' } },
    ]);
  });

  it('treats an unknown size or undeclared 5G investment as not meeting the rule', () => {
    const rules: FundEligibilityRule[] = [
      { kind: 'size_class', sizeClasses: ['large'] },
      { kind: 'min_investment_5g', amount: '1' },
    ];
    expect(judgeEligibility(rules, { ...facts, sizeClass: null, investment5gYuan: null }).map((r) => r.code)).toEqual([
      'size_class',
      'min_investment_5g',
    ]);
  });
});

describe('fund award rules and money (#16 item 1)', () => {
  it('computes in fen without floats', () => {
    expect(toFen('0.1') + toFen('0.2')).toBe(30n);
    expect(fromFen(toFen('0.1') + toFen('0.2'))).toBe('0.30');
    expect(toFen('12345678901.99')).toBe(1234567890199n);
    expect(wanToYuan('50.05')).toBe('500500.00');
    expect(fromFen(-5n)).toBe('-0.05');
  });

  it('takes a share of the 5G investment, rounded down to the fen, and caps it', () => {
    const rule: FundAwardRule = { kind: 'share', percent: '12.5', cap: '2000000' };
    expect(awardCeiling(rule, { investment5gYuan: '1000000.07', level: null })).toEqual({ ok: true, amount: '125000.00' });
    expect(awardCeiling(rule, { investment5gYuan: '99999999', level: null })).toEqual({ ok: true, amount: '2000000.00' });
    expect(awardCeiling(rule, { investment5gYuan: null, level: null })).toEqual({ ok: false, problem: 'no_investment_5g' });
  });

  it('gives the fixed amount of the level, and refuses an unknown level', () => {
    const rule: FundAwardRule = {
      kind: 'fixed',
      levels: [
        { code: 'factory', nameZh: '工厂级', nameEn: 'Factory', amount: '3000000' },
        { code: 'workshop', nameZh: '车间级', nameEn: 'Workshop', amount: '1000000' },
      ],
    };
    expect(awardCeiling(rule, { investment5gYuan: null, level: 'workshop' })).toEqual({ ok: true, amount: '1000000.00' });
    expect(awardCeiling(rule, { investment5gYuan: null, level: 'line' })).toEqual({ ok: false, problem: 'unknown_level' });
  });

  it('awards what was requested, at most the ceiling', () => {
    expect(defaultAward('80000.5', '125000.00')).toBe('80000.50');
    expect(defaultAward('300000', '125000.00')).toBe('125000.00');
  });
});
