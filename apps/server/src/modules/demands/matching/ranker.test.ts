import { describe, expect, it } from 'vitest';
import { buildBm25 } from './bm25.js';
import { budgetFit, buildMatchCorpus, explain, MATCH_WEIGHTS, type MatchDemand, type MatchSolution, timelineFit } from './ranker.js';
import { bigramTokenizer, defaultTokenizer, normaliseTerm } from './tokenizer.js';

// Issue #15 item 3: the matching engine — segmentation, BM25 and the explained score.
describe('tokenizer (#15 item 3)', () => {
  it('segments Chinese into words with jieba and drops function words', () => {
    const tokenizer = defaultTokenizer();
    expect(tokenizer.name).toBe('jieba');
    const terms = tokenizer.tokens('我们需要注塑车间的设备预测性维护与5G质检');
    expect(terms).toEqual(expect.arrayContaining(['注塑', '车间', '设备', '维护', '5g', '质检']));
    expect(terms).not.toContain('的');
    expect(terms).not.toContain('我们');
    expect(terms).not.toContain('需要');
  });

  it('falls back to overlapping Han bigrams and whole Latin words behind the same interface', () => {
    expect(bigramTokenizer.tokens('机器视觉 AGV')).toEqual(['机器', '器视', '视觉', 'agv']);
    expect(normaliseTerm('ＭＥＳ')).toBe('mes');
    expect(normaliseTerm('，')).toBeNull();
  });
});

describe('BM25 (#15 item 3)', () => {
  const docs = [
    ['视觉', '质检', '缺陷'],
    ['能耗', '监测'],
    ['视觉', '巡检', '无人机', '安防', '周界', '烟火'],
  ];

  it('scores rarer shared terms higher and shorter documents higher', () => {
    const index = buildBm25(docs);
    const q = ['视觉', '质检'];
    const first = index.score(q, 0);
    const third = index.score(q, 2);
    expect(first.score).toBeGreaterThan(third.score);
    // 质检 occurs in one document, 视觉 in two: 质检 weighs more.
    expect(first.terms.map((t) => t.term)).toEqual(['质检', '视觉']);
    expect(index.score(q, 1)).toEqual({ score: 0, terms: [] });
  });

  it('counts a repeated query term once', () => {
    const index = buildBm25(docs);
    expect(index.score(['视觉', '视觉'], 0).score).toBeCloseTo(index.score(['视觉'], 0).score, 10);
  });
});

describe('explained ranking (#15 item 3)', () => {
  const demand: MatchDemand = {
    title: '注塑件外观缺陷检测',
    problem: '人工目检漏检多，希望用机器视觉自动检测划伤和缺料',
    industry: '29',
    scenarios: ['S06'],
    budgetBand: '10_50',
    timelineWeeks: 8,
    districtId: 'd-huangpu',
  };
  const vision: MatchSolution = {
    id: 'vision',
    text: '5G+机器视觉外观缺陷检测 工业相机识别注塑件表面划伤、缺料 机器视觉 边缘计算 机器视觉质检',
    industries: ['29', '36'],
    scenarios: ['S06'],
    priceBand: '10_50',
    deploymentWeeks: 6,
    providerDistrictId: 'd-tianhe',
    referenceCount: 1,
  };
  const energy: MatchSolution = {
    id: 'energy',
    text: '能耗在线监测与能效优化 分项计量电水气 能耗监测 生产能效管控',
    industries: ['26', '29'],
    scenarios: ['S13'],
    priceBand: '50_200',
    deploymentWeeks: 12,
    providerDistrictId: 'd-huangpu',
    referenceCount: 3,
  };

  it('ranks the solution that fits the demand first, with every factor as a code and numbers', () => {
    const ranked = buildMatchCorpus([energy, vision], defaultTokenizer()).rank(demand);
    expect(ranked.map((r) => r.solutionId)).toEqual(['vision', 'energy']);
    const best = ranked[0];
    const by = Object.fromEntries((best?.contributions ?? []).map((c) => [c.factor, c]));
    expect(by.text?.matched).toEqual(expect.arrayContaining(['缺陷', '划伤', '机器']));
    expect(by.scenario).toMatchObject({ similarity: 1, points: MATCH_WEIGHTS.scenario, matched: ['S06'] });
    expect(by.industry).toMatchObject({ points: MATCH_WEIGHTS.industry, matched: ['29'] });
    expect(by.budget).toMatchObject({ points: MATCH_WEIGHTS.budget, params: { budgetBand: '10_50', priceBand: '10_50' } });
    expect(by.timeline).toMatchObject({ points: MATCH_WEIGHTS.timeline, params: { wantedWeeks: 8, deploymentWeeks: 6 } });
    expect(by.district?.points).toBe(0);
    expect(by.references).toMatchObject({ similarity: 0.5, params: { count: 1 } });
    // The score is the sum of the contributions, never more than 100.
    const sum = best?.contributions.reduce((s, c) => s + c.points, 0) ?? 0;
    expect(best?.score).toBeCloseTo(sum, 1);
    expect(best?.score).toBeLessThanOrEqual(100);
  });

  it('leaves out solutions that share nothing with the demand', () => {
    const unrelated: MatchSolution = {
      ...energy,
      id: 'x',
      text: '船舶 焊接',
      industries: ['37'],
      scenarios: [],
      priceBand: null,
      deploymentWeeks: null,
      providerDistrictId: null,
    };
    expect(buildMatchCorpus([unrelated], defaultTokenizer()).rank(demand)).toEqual([]);
  });

  it('words budget and timeline fit by band and weeks', () => {
    expect(budgetFit('10_50', 'under_10')).toBe(1);
    expect(budgetFit('10_50', '50_200')).toBe(0.4);
    expect(budgetFit('10_50', 'over_500')).toBe(0);
    expect(budgetFit(null, '10_50')).toBe(0);
    expect(timelineFit(8, 8)).toBe(1);
    expect(timelineFit(8, 12)).toBe(0.5);
    expect(timelineFit(8, 13)).toBe(0);
    expect(timelineFit(null, 4)).toBe(0);
  });

  it('counts references only where the solution serves the demand’s industry', () => {
    const refs = explain({ ...demand, industry: '13' }, energy, 0, []).find((c) => c.factor === 'references');
    expect(refs?.points).toBe(0);
    expect(explain(demand, energy, 0, []).find((c) => c.factor === 'references')?.points).toBe(MATCH_WEIGHTS.references);
  });
});
