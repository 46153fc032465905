import { MATCH_FACTORS } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { readSeedLists } from '../../../codelists/index.js';
import { MATCH_PARAMS, MATCH_WEIGHTS, TEXT_HALF } from '../ranker.js';
import { bigramTokenizer, defaultTokenizer } from '../tokenizer.js';
import { checkLabelledSet, dcg, evaluationCorpus, loadLabelledSet, MIN_WEIGHT, meanNdcg, ndcgAt, split, tune } from './evaluate.js';

// Issue #15 item 3: "Measured: nDCG@10 on a labelled set … with the weights tuned on part of it and scored on the rest."
describe('nDCG@k (#15 item 3)', () => {
  const labels = new Map([
    ['a', 3],
    ['b', 2],
    ['c', 0],
  ]);

  it('gains 2^rel − 1 discounted by log2(rank + 1), over the ideal order of all labels', () => {
    // Ideal a, b: 7/1 + 3/log2(3). Ranked b, a, c: 3/1 + 7/log2(3).
    const ideal = 7 + 3 / Math.log2(3);
    expect(ndcgAt(['b', 'a', 'c'], labels)).toBeCloseTo((3 + 7 / Math.log2(3)) / ideal, 12);
    expect(ndcgAt(['a', 'b'], labels)).toBe(1);
    expect(dcg([3, 2, 0], 10)).toBeCloseTo(ideal, 12);
  });

  it('counts unlabelled solutions as 0 and still charges for relevant ones left out', () => {
    // x is unlabelled: a drops to rank 2; b never appears.
    expect(ndcgAt(['x', 'a'], labels)).toBeCloseTo(7 / Math.log2(3) / (7 + 3 / Math.log2(3)), 12);
    expect(ndcgAt([], labels)).toBe(0);
    expect(ndcgAt(['a'], new Map([['a', 0]]))).toBe(0);
  });

  it('looks at the first k ranks only, the ideal cut at k too', () => {
    const many = new Map(Array.from({ length: 12 }, (_, i) => [`s${i}`, 1] as const));
    const reversed = Array.from({ length: 12 }, (_, i) => `s${11 - i}`);
    expect(ndcgAt(reversed, many, 10)).toBe(1);
    expect(ndcgAt(['x', ...reversed], many, 1)).toBe(0);
  });
});

describe('the labelled set (#15 item 3)', () => {
  const set = loadLabelledSet();
  const labelled = set.demands.flatMap((d) => d.labels);

  it('has at least 150 graded pairs, 6–8 per demand, each with a reason', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(150);
    for (const d of set.demands) {
      expect(d.labels.length, d.id).toBeGreaterThanOrEqual(6);
      expect(d.labels.length, d.id).toBeLessThanOrEqual(8);
    }
    expect(new Set(labelled.map((l) => l.grade))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('covers every scenario of the code list with a solution, and names only 演示 enterprises', () => {
    const covered = new Set(set.solutions.flatMap((s) => s.scenarios));
    for (const item of readSeedLists().scenario.items) expect(covered.has(item.code), item.code).toBe(true);
    for (const d of set.demands) expect(d.enterprise).toContain('演示');
  });

  it('splits deterministically: even positions train, odd test, nothing in both', () => {
    const { train, test } = split(set.demands);
    expect(train.map((d) => d.id)).toEqual(set.demands.filter((_, i) => i % 2 === 0).map((d) => d.id));
    expect(train.length + test.length).toBe(set.demands.length);
    expect(train.filter((d) => test.includes(d))).toEqual([]);
  });

  it('refuses a label that points at no solution, a grade off the scale, a demand with nothing relevant', () => {
    const demand = set.demands[0] as (typeof set.demands)[number];
    const withLabels = (labels: typeof demand.labels) => ({ ...set, demands: [{ ...demand, labels }] });
    expect(() => checkLabelledSet(withLabels([{ solution: 'nope', grade: 1, reason: '演示' }]))).toThrow(/unknown solution nope/);
    expect(() => checkLabelledSet(withLabels([{ solution: 's01', grade: 4, reason: '演示' }]))).toThrow(/grade 4/);
    expect(() => checkLabelledSet(withLabels([{ solution: 's01', grade: 0, reason: '演示' }]))).toThrow(/no relevant solution/);
  });
});

describe('matching quality on the labelled set (#15 item 3)', () => {
  const set = loadLabelledSet();
  const { train, test } = split(set.demands);

  // Regression floors a little under what the shipped weights measure (docs/performance.md):
  // jieba 0.891 and bigram 0.902 on the test split. Deterministic: no timing involved.
  it('keeps the shipped weights’ test-split nDCG@10 above its floor, with jieba and with the bigram fallback', () => {
    expect(meanNdcg(evaluationCorpus(set, defaultTokenizer()), test)).toBeGreaterThanOrEqual(0.88);
    expect(meanNdcg(evaluationCorpus(set, bigramTokenizer), test)).toBeGreaterThanOrEqual(0.89);
  });

  it('tunes on the train split only: weights still sum to 100, none under the floor, train nDCG never worse', { timeout: 60_000 }, () => {
    const corpus = evaluationCorpus(set, defaultTokenizer());
    const tuned = tune(corpus, train);
    const weights = MATCH_FACTORS.map((f) => tuned.params.weights[f]);
    expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(MIN_WEIGHT);
    expect(tuned.trainNdcg).toBeGreaterThanOrEqual(meanNdcg(corpus, train));
    expect(tuned.trainNdcg).toBeCloseTo(meanNdcg(corpus, train, tuned.params), 12);
    // The shipped parameters are the search's start and stay untouched by it.
    expect(MATCH_PARAMS).toEqual({ weights: MATCH_WEIGHTS, textHalf: TEXT_HALF });
  });
});
