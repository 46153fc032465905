import { ROUND_STAGES } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { TONE_COLOURS } from '../../shared/status';
import { conflictOf, conflictRefusals, NEXT_ACTION, ROUND_STAGE_TONES, weightedTotal, weightShare } from './logic';

const RUBRIC = [
  { key: 'network', weight: 25, maxScore: 10 },
  { key: 'scenarios', weight: 35, maxScore: 10 },
  { key: 'benefit', weight: 25, maxScore: 10 },
  { key: 'promotion', weight: 15, maxScore: 10 },
];

describe('weighted total (same arithmetic as the server)', () => {
  it('is Σ weight·score/max ÷ Σ weight × 100, two decimals', () => {
    expect(weightedTotal(RUBRIC, { network: 10, scenarios: 10, benefit: 10, promotion: 10 })).toBe(100);
    // 25·0.8 + 35·0.7 + 25·0.9 + 15·0.6 = 20 + 24.5 + 22.5 + 9 = 76
    expect(weightedTotal(RUBRIC, { network: 8, scenarios: 7, benefit: 9, promotion: 6 })).toBe(76);
    // different maxima and weights not summing to 100: (3·4/5 + 1·7/20) / 4 × 100 = (2.4 + 0.35) / 4 × 100 = 68.75
    expect(
      weightedTotal(
        [
          { key: 'a', weight: 3, maxScore: 5 },
          { key: 'b', weight: 1, maxScore: 20 },
        ],
        { a: 4, b: 7 },
      ),
    ).toBe(68.75);
  });
  it('counts unscored criteria as 0 and survives an empty rubric', () => {
    expect(weightedTotal(RUBRIC, { network: 10 })).toBe(25);
    expect(weightedTotal([], {})).toBe(0);
  });
  it('rounds like the server (two decimals)', () => {
    expect(weightedTotal([{ key: 'a', weight: 1, maxScore: 3 }], { a: 1 })).toBe(33.33);
  });
  it('gives each weight its share', () => {
    expect(weightShare(RUBRIC, 35)).toBe(35);
    expect(weightShare([{ weight: 1 }, { weight: 2 }], 1)).toBe(33.3);
  });
});

describe('round stages', () => {
  it('have one forward action each until published, and a colour', () => {
    expect(ROUND_STAGES.map((s) => NEXT_ACTION[s])).toEqual([
      'open',
      'close_applications',
      'start_review',
      'close_review',
      'start_publicity',
      'publish',
      null,
    ]);
    for (const s of ROUND_STAGES) expect(TONE_COLOURS[ROUND_STAGE_TONES[s]]).toBeTruthy();
    expect(ROUND_STAGE_TONES.published).toBe('done');
  });
});

describe('conflicts of interest', () => {
  const app = { enterpriseId: 'e1', districtId: 'd1' };
  const rules = { ownEnterprise: true, ownDistrict: true };
  it('flag an expert of the applicant or of its district, as configured', () => {
    expect(conflictOf(rules, { affiliationOrgId: 'e1', districtId: null }, app)).toBe('ownEnterprise');
    expect(conflictOf(rules, { affiliationOrgId: 'p1', districtId: 'd1' }, app)).toBe('ownDistrict');
    expect(conflictOf({ ...rules, ownDistrict: false }, { affiliationOrgId: 'p1', districtId: 'd1' }, app)).toBeNull();
    expect(conflictOf(rules, { affiliationOrgId: null, districtId: null }, app)).toBeNull();
  });
  it('read the experts and reasons from the server’s refusal', () => {
    const issues = [
      { field: 'expertIds.1', rule: 'conflict_of_interest', message: '评审专家2（演示）: the expert works for the applicant' },
      { field: 'expertIds.0', rule: 'conflict_of_interest', message: 'X: the expert belongs to the applicant’s district' },
      { field: 'expertIds.2', rule: 'expert', message: 'not an active expert' },
    ];
    expect(conflictRefusals(issues, ['a', 'b'])).toEqual([
      { expertId: 'b', name: '评审专家2（演示）', reason: 'ownEnterprise', message: issues[0]?.message },
      { expertId: 'a', name: 'X', reason: 'ownDistrict', message: issues[1]?.message },
    ]);
  });
});
