/**
 * Measuring the matching (issue #15 item 3): nDCG@10 of the ranker on the labelled set in
 * labelled-set.json, the train / test split, and a coordinate search over the weights and
 * TEXT_HALF on the train split. Pure apart from loading the set; used by the unit tests and by
 * `npm run bench -- solution-match`, never by the server.
 */
import { readFileSync } from 'node:fs';
import { MATCH_FACTORS, type MatchFactor, PRICE_BANDS, type PriceBand } from '@suilian/contracts';
import { readSeedLists } from '../../../codelists/index.js';
import {
  buildMatchCorpus,
  MATCH_PARAMS,
  type MatchCorpus,
  type MatchDemand,
  type MatchParams,
  type MatchSolution,
  solutionText,
} from '../ranker.js';
import type { Tokenizer } from '../tokenizer.js';

export interface LabelledSolution {
  id: string;
  title: string;
  summary: string;
  capabilities: string[];
  industries: string[];
  scenarios: string[];
  priceBand: PriceBand | null;
  deploymentWeeks: number | null;
  providerDistrictId: string | null;
  referenceCount: number;
}

export interface Label {
  solution: string;
  /** 0 not useful, 1 related but a weak fit, 2 solves a large part, 3 exactly what is asked. */
  grade: number;
  reason: string;
}

export interface LabelledDemand extends MatchDemand {
  id: string;
  enterprise: string;
  /** vague / jargon / typo / names no scenario …: how the demand is written. */
  style: string;
  labels: Label[];
}

export interface LabelledSet {
  about: string[];
  solutions: LabelledSolution[];
  demands: LabelledDemand[];
}

const MAX_GRADE = 3;

export function loadLabelledSet(file: URL | string = new URL('./labelled-set.json', import.meta.url)): LabelledSet {
  return checkLabelledSet(JSON.parse(readFileSync(file, 'utf8')) as LabelledSet);
}

/** Refuses a set whose label points nowhere or repeats, whose grade is off the scale, or whose demand has nothing relevant. */
export function checkLabelledSet(set: LabelledSet): LabelledSet {
  const ids = new Set(set.solutions.map((s) => s.id));
  if (ids.size !== set.solutions.length) throw new Error('labelled set: duplicate solution id');
  for (const s of set.solutions) {
    if (s.priceBand !== null && !PRICE_BANDS.includes(s.priceBand)) throw new Error(`labelled set: ${s.id} has price band ${s.priceBand}`);
  }
  for (const d of set.demands) {
    const seen = new Set<string>();
    for (const l of d.labels) {
      if (!ids.has(l.solution)) throw new Error(`labelled set: ${d.id} labels unknown solution ${l.solution}`);
      if (seen.has(l.solution)) throw new Error(`labelled set: ${d.id} labels ${l.solution} twice`);
      if (!Number.isInteger(l.grade) || l.grade < 0 || l.grade > MAX_GRADE)
        throw new Error(`labelled set: ${d.id}/${l.solution} grade ${l.grade}`);
      if (!l.reason.trim()) throw new Error(`labelled set: ${d.id}/${l.solution} has no reason`);
      seen.add(l.solution);
    }
    if (!d.labels.some((l) => l.grade > 0)) throw new Error(`labelled set: ${d.id} has no relevant solution`);
    if (d.budgetBand !== null && !PRICE_BANDS.includes(d.budgetBand)) throw new Error(`labelled set: ${d.id} has budget ${d.budgetBand}`);
  }
  return set;
}

/** Discounted cumulative gain of grades in rank order: gain 2^rel − 1, discount log2(rank + 1). */
export function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += (2 ** (grades[i] ?? 0) - 1) / Math.log2(i + 2);
  return sum;
}

/**
 * nDCG@k of a ranking (solution ids, best first) against one demand's labels. Unlabelled solutions
 * count as grade 0; the ideal ranking is every label of the demand, best first, so a relevant
 * solution the ranker leaves out (score 0) still costs.
 */
export function ndcgAt(ranking: readonly string[], labels: ReadonlyMap<string, number>, k = 10): number {
  const ideal = dcg(
    [...labels.values()].sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return 0;
  return (
    dcg(
      ranking.map((id) => labels.get(id) ?? 0),
      k,
    ) / ideal
  );
}

/** The deterministic split: demands at even positions of the file train, odd positions test. */
export function split<T>(demands: readonly T[]): { train: T[]; test: T[] } {
  return { train: demands.filter((_, i) => i % 2 === 0), test: demands.filter((_, i) => i % 2 === 1) };
}

/** The labelled solutions as the ranker reads them, their text built the way the matching service builds it. */
export function matchSolutions(set: LabelledSet): MatchSolution[] {
  const names = new Map(readSeedLists().scenario.items.map((i) => [i.code, i.nameZh]));
  return set.solutions.map((s) => ({
    id: s.id,
    text: solutionText(s, (c) => names.get(c)),
    industries: s.industries,
    scenarios: s.scenarios,
    priceBand: s.priceBand,
    deploymentWeeks: s.deploymentWeeks,
    providerDistrictId: s.providerDistrictId,
    referenceCount: s.referenceCount,
  }));
}

export function evaluationCorpus(set: LabelledSet, tokenizer: Tokenizer): MatchCorpus {
  return buildMatchCorpus(matchSolutions(set), tokenizer);
}

/** Mean nDCG@k over demands, ranking with `params`. */
export function meanNdcg(corpus: MatchCorpus, demands: readonly LabelledDemand[], params: MatchParams = MATCH_PARAMS, k = 10): number {
  if (demands.length === 0) return 0;
  let sum = 0;
  for (const d of demands) {
    const ranking = corpus.rank(d, { params }).map((r) => r.solutionId);
    sum += ndcgAt(ranking, new Map(d.labels.map((l) => [l.solution, l.grade])), k);
  }
  return sum / demands.length;
}

/** The TEXT_HALF values the search may pick (BM25 scores on this corpus run from 0 to ~30). */
export const TEXT_HALF_CANDIDATES = [2, 3, 4, 6, 8, 12, 16] as const;
/** Points moved between two factors per step, coarse first. */
const STEPS = [10, 5] as const;
/** Every factor keeps some points: a factor at 0 would still be listed in every explanation, always as 0. */
export const MIN_WEIGHT = 5;
/** A move must gain more than this to count: ties keep the current (earlier) parameters. */
const EPSILON = 1e-9;

export interface Tuning {
  params: MatchParams;
  trainNdcg: number;
  /** Parameters evaluated (each a full ranking of the train split). */
  evaluations: number;
}

/**
 * Coordinate search on the train split: from `start`, try every move of `step` points from one
 * factor to another (the sum stays 100, no factor below `minWeight`) and every TEXT_HALF candidate; take the
 * best improving move, repeat until none improves, then halve the step. Deterministic: moves are
 * tried in a fixed order and only a strict improvement replaces the current parameters.
 */
export function tune(
  corpus: MatchCorpus,
  train: readonly LabelledDemand[],
  { start = MATCH_PARAMS, minWeight = MIN_WEIGHT }: { start?: MatchParams; minWeight?: number } = {},
): Tuning {
  let current: MatchParams = { weights: { ...start.weights }, textHalf: start.textHalf };
  let best = meanNdcg(corpus, train, current);
  let evaluations = 1;
  for (const step of STEPS) {
    for (;;) {
      let move: { params: MatchParams; score: number } | null = null;
      for (const candidate of neighbours(current, step, minWeight)) {
        const score = meanNdcg(corpus, train, candidate);
        evaluations++;
        if (score > (move?.score ?? best) + EPSILON) move = { params: candidate, score };
      }
      if (!move) break;
      current = move.params;
      best = move.score;
    }
  }
  return { params: current, trainNdcg: best, evaluations };
}

function* neighbours(p: MatchParams, step: number, minWeight: number): Generator<MatchParams> {
  for (const from of MATCH_FACTORS) {
    for (const to of MATCH_FACTORS) {
      if (from === to || p.weights[from] - step < minWeight) continue;
      const weights: Record<MatchFactor, number> = { ...p.weights };
      weights[from] -= step;
      weights[to] += step;
      yield { weights, textHalf: p.textHalf };
    }
  }
  for (const textHalf of TEXT_HALF_CANDIDATES) if (textHalf !== p.textHalf) yield { weights: p.weights, textHalf };
}
