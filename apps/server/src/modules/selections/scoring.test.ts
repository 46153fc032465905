import type { Criterion } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { conflictOf } from './conflicts.js';
import { nextStage } from './round-lifecycle.js';
import { aggregate, checkScores, rankByScore, weightedTotal } from './scoring.js';

const rubric: Criterion[] = [
  { key: 'network', nameZh: '网络建设', nameEn: 'Network', weight: 30, maxScore: 10 },
  { key: 'apps', nameZh: '应用成效', nameEn: 'Applications', weight: 50, maxScore: 20 },
  { key: 'promotion', nameZh: '推广价值', nameEn: 'Promotion', weight: 20, maxScore: 5 },
];

describe('selection scoring', () => {
  it('weights each criterion as a share of its maximum, on 0–100', () => {
    expect(weightedTotal(rubric, { network: 10, apps: 20, promotion: 5 })).toBe(100);
    expect(weightedTotal(rubric, { network: 5, apps: 10, promotion: 0 })).toBe(40);
    expect(weightedTotal(rubric, { network: 8, apps: 15, promotion: 4 })).toBe(77.5);
  });

  it('finds missing, unknown and out-of-range scores', () => {
    const problems = checkScores(rubric, { network: 11, apps: 10, extra: 1 });
    expect(problems.map((p) => `${p.criterion}:${p.rule}`).sort()).toEqual(['extra:unknown', 'network:range', 'promotion:missing']);
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

describe('conflict of interest', () => {
  const app = { enterpriseId: 'e1', districtId: 'huangpu' };
  it('keeps experts off their own enterprise and district, as configured', () => {
    expect(conflictOf({ ownEnterprise: true, ownDistrict: true }, { orgId: 'e1', districtId: null }, app)).toContain('works for');
    expect(conflictOf({ ownEnterprise: true, ownDistrict: true }, { orgId: 'e9', districtId: 'huangpu' }, app)).toContain('district');
    expect(conflictOf({ ownEnterprise: true, ownDistrict: false }, { orgId: 'e9', districtId: 'huangpu' }, app)).toBeNull();
    expect(conflictOf({ ownEnterprise: true, ownDistrict: true }, { orgId: null, districtId: 'tianhe' }, app)).toBeNull();
  });
});

describe('round stages', () => {
  it('moves only from the stage each action expects', () => {
    expect(nextStage('draft', 'open')).toBe('open');
    expect(nextStage('expert_review', 'close_review')).toBe('closed');
    expect(nextStage('draft', 'publish')).toContain('needs publicity');
  });
});
