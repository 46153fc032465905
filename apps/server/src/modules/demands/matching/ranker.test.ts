import { describe, expect, it } from 'vitest';
import { buildBm25 } from './bm25.js';
import { loadLabelledSet, matchSolutions } from './quality/evaluate.js';
import {
  budgetFit,
  buildMatchCorpus,
  explain,
  MATCH_PARAMS,
  MATCH_WEIGHTS,
  type MatchDemand,
  type MatchParams,
  type MatchSolution,
  timelineFit,
} from './ranker.js';
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

// Issue #15 item 7: the ranking scores on the postings and explains only what it returns; it must
// say exactly what scoring and explaining every solution one by one says.
describe('fast ranking keeps the explanation identical (#15 items 3 and 7)', () => {
  const set = loadLabelledSet();
  const solutions = matchSolutions(set);
  const tokenizer = defaultTokenizer();

  /** The plain algorithm: BM25 document by document, every solution explained, score the sum, stable sort. */
  const index = buildBm25(solutions.map((s) => tokenizer.tokens(s.text)));
  function reference(demand: MatchDemand, params: MatchParams, only?: ReadonlySet<string>) {
    const query = tokenizer.tokens(`${demand.title} ${demand.problem}`);
    return solutions
      .flatMap((s, doc) => {
        if (only && !only.has(s.id)) return [];
        const text = index.score(query, doc);
        const contributions = explain(
          demand,
          s,
          text.score,
          text.terms.map((t) => t.term),
          params,
        );
        const score = Math.round(contributions.reduce((sum, c) => sum + c.points, 0) * 100) / 100;
        return score > 0 ? [{ solutionId: s.id, score, contributions }] : [];
      })
      .sort((a, b) => b.score - a.score);
  }

  const variants: MatchParams[] = [
    MATCH_PARAMS,
    { weights: { text: 50, scenario: 25, industry: 5, budget: 5, timeline: 5, district: 5, references: 5 }, textHalf: 3 },
    { weights: { text: 10, scenario: 10, industry: 10, budget: 40, timeline: 10, district: 10, references: 10 }, textHalf: 16 },
  ];

  it('gives the same solutions, scores and contributions for every labelled demand, with and without a limit', { timeout: 30_000 }, () => {
    const corpus = buildMatchCorpus(solutions, tokenizer);
    for (const params of variants) {
      for (const d of set.demands) {
        const expected = reference(d, params);
        expect(corpus.rank(d, { params })).toEqual(expected);
        expect(corpus.rank(d, { params, limit: 5 })).toEqual(expected.slice(0, 5));
      }
    }
    const only = new Set(['s01', 's08', 's30']);
    for (const d of set.demands) expect(corpus.rank(d, { only, limit: 1 })).toEqual(reference(d, MATCH_PARAMS, only).slice(0, 1));
  });

  it('scores every document on the postings as document-by-document BM25 does', () => {
    for (const d of set.demands) {
      const query = tokenizer.tokens(`${d.title} ${d.problem}`);
      const all = index.scoreAll(query);
      solutions.forEach((_, doc) => {
        expect(all[doc]).toBe(index.score(query, doc).score);
      });
    }
  });
});
