import { describe, expect, it } from 'vitest';
import { CreateRoundSchema, ROUND_STAGES, UpdateRoundSchema } from '../selections.js';
import { conflictOf } from './selection-conflicts.js';
import { aggregate, aggregateExplained, checkScores, rankByScore, scoreLocked, weightedTotal, weightShare } from './selection-scoring.js';
import { nextAction, nextStage } from './selection-stages.js';

const rubric = [
  { key: 'network', nameZh: '网络建设', nameEn: 'Network', weight: 30, maxScore: 10 },
  { key: 'apps', nameZh: '应用成效', nameEn: 'Applications', weight: 50, maxScore: 20 },
  { key: 'promotion', nameZh: '推广价值', nameEn: 'Promotion', weight: 20, maxScore: 5 },
];

describe('weighted total', () => {
  it('weights each criterion as a share of its maximum, on 0–100', () => {
    expect(weightedTotal(rubric, { network: 10, apps: 20, promotion: 5 })).toBe(100);
    expect(weightedTotal(rubric, { network: 5, apps: 10, promotion: 0 })).toBe(40);
    expect(weightedTotal(rubric, { network: 8, apps: 15, promotion: 4 })).toBe(77.5);
    // weights not summing to 100: (3·4/5 + 1·7/20) / 4 × 100 = 68.75
    const odd = [
      { key: 'a', weight: 3, maxScore: 5 },
      { key: 'b', weight: 1, maxScore: 20 },
    ];
    expect(weightedTotal(odd, { a: 4, b: 7 })).toBe(68.75);
  });

  it('rounds to two decimals and counts criteria not yet scored as 0', () => {
    expect(weightedTotal([{ key: 'a', weight: 1, maxScore: 3 }], { a: 1 })).toBe(33.33);
    expect(weightedTotal(rubric, { network: 10 })).toBe(30);
    expect(weightedTotal(rubric, { network: 10, apps: null, promotion: undefined })).toBe(30);
  });

  it('is 0, never NaN or Infinity, for a rubric without a positive total weight', () => {
    expect(weightedTotal([], {})).toBe(0);
    expect(weightedTotal([{ key: 'a', weight: 0, maxScore: 10 }], { a: 5 })).toBe(0);
    expect(weightedTotal([{ key: 'a', weight: 1, maxScore: 0 }], { a: 5 })).toBe(0);
    expect(weightShare([], 1)).toBe(0);
    expect(weightShare([{ weight: 0 }], 0)).toBe(0);
  });

  it('gives each weight its share of the total in per cent', () => {
    expect(weightShare(rubric, 50)).toBe(50);
    expect(weightShare([{ weight: 1 }, { weight: 2 }], 1)).toBe(33.3);
  });
});

describe('score sheets, final scores and ranks', () => {
  it('finds missing, unknown and out-of-range scores', () => {
    const problems = checkScores(rubric, { network: 11, apps: 10, extra: 1 });
    expect(problems.map((p) => `${p.criterion}:${p.rule}`).sort()).toEqual(['extra:unknown', 'network:range', 'promotion:missing']);
    expect(checkScores(rubric, { network: 0, apps: 20, promotion: 5 })).toEqual([]);
  });

  it('drops the highest and lowest total with three or more experts', () => {
    expect(aggregate([90, 60, 80, 70, 100], 'trimmed_mean')).toBe(80);
    expect(aggregate([90, 60], 'trimmed_mean')).toBe(75);
    expect(aggregate([90, 60, 81], 'mean')).toBe(77);
    expect(aggregate([], 'mean')).toBeNull();
  });

  it('ranks ties equally and skips the next rank', () => {
    const ranks = rankByScore([
      { id: 'a', score: 80 },
      { id: 'b', score: 90 },
      { id: 'c', score: 80 },
      { id: 'd', score: 70 },
      { id: 'e', score: null },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, a: 2, c: 2, d: 4 });
  });
});

describe('conflicts of interest', () => {
  const application = { enterpriseId: 'e1', districtId: 'huangpu' };
  const both = { ownEnterprise: true, ownDistrict: true };
  it('keep experts off their own enterprise and district, as the round configures', () => {
    expect(conflictOf(both, { affiliationOrgId: 'e1', districtId: null }, application)).toBe('own_enterprise');
    expect(conflictOf(both, { affiliationOrgId: 'e1', districtId: 'huangpu' }, application)).toBe('own_enterprise');
    expect(conflictOf(both, { affiliationOrgId: 'e9', districtId: 'huangpu' }, application)).toBe('own_district');
    expect(conflictOf({ ...both, ownDistrict: false }, { affiliationOrgId: 'e9', districtId: 'huangpu' }, application)).toBeNull();
    expect(conflictOf({ ...both, ownEnterprise: false }, { affiliationOrgId: 'e1', districtId: null }, application)).toBeNull();
    expect(conflictOf(both, { affiliationOrgId: null, districtId: 'tianhe' }, application)).toBeNull();
  });
});

describe('round stages', () => {
  it('move only from the stage each action expects', () => {
    expect(nextStage('draft', 'open')).toBe('open');
    expect(nextStage('expert_review', 'close_review')).toBe('closed');
    expect(nextStage('draft', 'publish')).toBeNull();
  });

  it('have one forward action each until published', () => {
    expect(ROUND_STAGES.map(nextAction)).toEqual([
      'open',
      'close_applications',
      'start_review',
      'close_review',
      'start_publicity',
      'publish',
      null,
    ]);
  });
});

describe('rubrics', () => {
  const round = {
    title: 't',
    kind: 'benchmark_factory',
    subjectType: 'factory',
    year: 2026,
    deadline: '2026-04-01T00:00:00+08:00',
    quota: 1,
  };
  it('cannot have a zero total weight: every weight is positive and a rubric has a criterion', () => {
    expect(CreateRoundSchema.safeParse({ ...round, rubric }).success).toBe(true);
    expect(CreateRoundSchema.safeParse({ ...round, rubric: [] }).success).toBe(false);
    expect(CreateRoundSchema.safeParse({ ...round, rubric: [{ ...rubric[0], weight: 0 }] }).success).toBe(false);
    expect(UpdateRoundSchema.safeParse({ version: 1, rubric: [{ ...rubric[0], weight: 0 }] }).success).toBe(false);
  });
});

describe('the score basis and locked sheets (#12 item 6)', () => {
  it('states which totals were kept and which trimmed', () => {
    expect(aggregateExplained([90, 60, 80, 70, 100], 'trimmed_mean')).toEqual({ score: 80, kept: [70, 80, 90], trimmed: [60, 100] });
    expect(aggregateExplained([90, 60], 'trimmed_mean')).toEqual({ score: 75, kept: [60, 90], trimmed: [] });
    expect(aggregateExplained([90, 60, 81], 'mean')).toEqual({ score: 77, kept: [60, 81, 90], trimmed: [] });
    expect(aggregateExplained([], 'trimmed_mean')).toEqual({ score: null, kept: [], trimmed: [] });
  });

  it('locks a submitted sheet until the organiser reopens it', () => {
    expect(scoreLocked({ submittedAt: null, reopenedAt: null })).toBe(false);
    expect(scoreLocked({ submittedAt: new Date(), reopenedAt: null })).toBe(true);
    expect(scoreLocked({ submittedAt: new Date(), reopenedAt: new Date() })).toBe(false);
  });
});
