import { type MatchContribution, type MatchFactor, PRICE_BANDS, type PriceBand } from '@suilian/contracts';
import { type Bm25Index, buildBm25 } from './bm25.js';
import type { Tokenizer } from './tokenizer.js';

/** What the ranker reads of a demand. */
export interface MatchDemand {
  title: string;
  problem: string;
  industry: string | null;
  scenarios: readonly string[];
  budgetBand: PriceBand | null;
  timelineWeeks: number | null;
  districtId: string;
}

/** What the ranker reads of a solution; `text` is everything searchable (title, summary, capabilities, scenario names). */
export interface MatchSolution {
  id: string;
  text: string;
  industries: readonly string[];
  scenarios: readonly string[];
  priceBand: PriceBand | null;
  deploymentWeeks: number | null;
  providerDistrictId: string | null;
  referenceCount: number;
}

/**
 * Points per factor; they add up to 100, so a score reads as a percentage of a perfect match. The
 * text factor is BM25 saturated as s / (s + TEXT_HALF): an absolute scale, so a weak best match
 * stays weak instead of being stretched to 1.
 */
export const MATCH_WEIGHTS: Readonly<Record<MatchFactor, number>> = {
  text: 40,
  scenario: 20,
  industry: 15,
  budget: 10,
  timeline: 5,
  district: 5,
  references: 5,
};
export const TEXT_HALF = 6;

/** The tunable part of the score: points per factor (summing to 100) and the text saturation. */
export interface MatchParams {
  weights: Readonly<Record<MatchFactor, number>>;
  textHalf: number;
}
/** What the service ranks with; quality/ measures other values against it on the labelled set. */
export const MATCH_PARAMS: MatchParams = { weights: MATCH_WEIGHTS, textHalf: TEXT_HALF };
/** A price one band above the budget is still worth a conversation. */
const ONE_BAND_OVER = 0.4;
/** Deployment up to 1.5× the wanted weeks counts half. */
const TIMELINE_SLACK = 1.5;

export interface RankedSolution {
  solutionId: string;
  score: number;
  contributions: MatchContribution[];
}

/** A corpus of solutions tokenised and indexed once, scored against any number of demands. */
export interface MatchCorpus {
  readonly tokenizer: string;
  /**
   * Every solution with a score above zero, best first (ties by position in the corpus); the first
   * `limit` of them when given: only those are explained, the rest are scored as numbers.
   */
  rank(demand: MatchDemand, options?: { only?: ReadonlySet<string>; params?: MatchParams; limit?: number }): RankedSolution[];
}

/** A solution's searchable text: title, summary, capabilities and the names of its scenarios (so "质检" finds "机器视觉质检"). */
export function solutionText(
  s: { title: string; summary: string | null; capabilities: readonly string[]; scenarios: readonly string[] },
  scenarioName: (code: string) => string | undefined,
): string {
  return [s.title, s.summary ?? '', s.capabilities.join(' '), s.scenarios.map((c) => scenarioName(c) ?? '').join(' ')].join(' ');
}

/** Tokenises the solutions (through `termsOf`, which may cache) and indexes them for BM25. */
export function buildMatchCorpus(
  solutions: readonly MatchSolution[],
  tokenizer: Tokenizer,
  termsOf?: (s: MatchSolution) => string[],
): MatchCorpus {
  const docs = solutions.map((s) => termsOf?.(s) ?? tokenizer.tokens(s.text));
  const index: Bm25Index = buildBm25(docs);
  return {
    tokenizer: tokenizer.name,
    rank(demand, { only, params = MATCH_PARAMS, limit } = {}) {
      const query = tokenizer.tokens(`${demand.title} ${demand.problem}`);
      // Scores first, as plain numbers over the postings: building seven explained contributions
      // for each of 10,000 solutions cost more than the ranking itself (docs/performance.md).
      const bm25 = index.scoreAll(query);
      const weights = FACTOR_ORDER.map((f) => params.weights[f]);
      const similarity = new Float64Array(FACTOR_ORDER.length);
      const scores = new Float64Array(solutions.length);
      // With a limit only the best `limit` are kept (scores desc, earlier document first on a tie,
      // as the full stable sort would order them); without one, every hit, sorted below.
      const hits: number[] = [];
      const keep = limit ?? Number.POSITIVE_INFINITY;
      solutions.forEach((solution, doc) => {
        if (only && !only.has(solution.id)) return;
        const score = scoreOf(similarities(demand, solution, bm25[doc] ?? 0, params.textHalf, similarity), weights);
        if (score <= 0) return;
        scores[doc] = score;
        if (limit === undefined) {
          hits.push(doc);
          return;
        }
        if (hits.length === keep && score <= (scores[hits[hits.length - 1] as number] ?? 0)) return;
        let at = hits.length;
        while (at > 0 && (scores[hits[at - 1] as number] ?? 0) < score) at--;
        hits.splice(at, 0, doc);
        if (hits.length > keep) hits.pop();
      });
      // Equal scores keep the corpus order (the caller orders the corpus).
      if (limit === undefined) hits.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
      return hits.map((doc) => {
        const solution = solutions[doc] as MatchSolution;
        const text = index.score(query, doc);
        const contributions = explain(
          demand,
          solution,
          text.score,
          text.terms.map((t) => t.term),
          params,
        );
        return { solutionId: solution.id, score: scores[doc] ?? 0, contributions };
      });
    },
  };
}

/** The order of the factors in an explanation, and of the sum that makes the score. */
const FACTOR_ORDER = [
  'text',
  'scenario',
  'industry',
  'budget',
  'timeline',
  'district',
  'references',
] as const satisfies readonly MatchFactor[];

/** Each factor's similarity (0–1), in FACTOR_ORDER: what explain() words and scoreOf() sums. */
function similarities(
  demand: MatchDemand,
  solution: MatchSolution,
  bm25: number,
  textHalf: number,
  out: Float64Array = new Float64Array(FACTOR_ORDER.length),
): Float64Array {
  let shared = 0;
  for (const s of demand.scenarios) if (solution.scenarios.includes(s)) shared++;
  const industryMatch = demand.industry !== null && solution.industries.includes(demand.industry);
  out[0] = bm25 / (bm25 + textHalf);
  out[1] = demand.scenarios.length ? shared / demand.scenarios.length : 0;
  out[2] = industryMatch ? 1 : 0;
  out[3] = budgetFit(demand.budgetBand, solution.priceBand);
  out[4] = timelineFit(demand.timelineWeeks, solution.deploymentWeeks);
  out[5] = solution.providerDistrictId === demand.districtId ? 1 : 0;
  // Proven delivery counts only where the solution serves the demand's industry.
  out[6] = industryMatch ? Math.min(1, solution.referenceCount / 2) : 0;
  return out;
}

/** The score: each factor's points rounded as the explanation shows them, summed in FACTOR_ORDER, rounded. */
function scoreOf(similarity: Float64Array, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < FACTOR_ORDER.length; i++) sum += round((similarity[i] ?? 0) * (weights[i] ?? 0));
  return round(sum);
}

/** The contributions of every factor to one demand × solution score, each with its numbers. Pure. */
export function explain(
  demand: MatchDemand,
  solution: MatchSolution,
  bm25: number,
  terms: readonly string[],
  { weights, textHalf }: MatchParams = MATCH_PARAMS,
): MatchContribution[] {
  const factor = (f: MatchFactor, similarity: number, matched: string[], params: MatchContribution['params']): MatchContribution => ({
    factor: f,
    similarity: round(similarity),
    points: round(similarity * weights[f]),
    matched,
    params,
  });
  const sharedScenarios = demand.scenarios.filter((s) => solution.scenarios.includes(s));
  const industryMatch = demand.industry !== null && solution.industries.includes(demand.industry);
  const [text, scenario, industry, budget, timeline, district, references] = [...similarities(demand, solution, bm25, textHalf)] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return [
    factor('text', text, terms.slice(0, 8), { bm25: round(bm25) }),
    factor('scenario', scenario, sharedScenarios, { shared: sharedScenarios.length, wanted: demand.scenarios.length }),
    factor('industry', industry, industryMatch && demand.industry ? [demand.industry] : [], { industry: demand.industry }),
    factor('budget', budget, [], { budgetBand: demand.budgetBand, priceBand: solution.priceBand }),
    factor('timeline', timeline, [], { wantedWeeks: demand.timelineWeeks, deploymentWeeks: solution.deploymentWeeks }),
    factor('district', district, [], {}),
    factor('references', references, [], { count: solution.referenceCount }),
  ];
}

/** 1 when the price band is within the budget band, ONE_BAND_OVER one band above, else 0 (0 when either is unknown). */
export function budgetFit(budget: PriceBand | null, price: PriceBand | null): number {
  if (budget === null || price === null) return 0;
  const over = PRICE_BANDS.indexOf(price) - PRICE_BANDS.indexOf(budget);
  if (over <= 0) return 1;
  return over === 1 ? ONE_BAND_OVER : 0;
}

/** 1 when the solution deploys within the wanted weeks, 0.5 within TIMELINE_SLACK times them, else 0. */
export function timelineFit(wanted: number | null, deployment: number | null): number {
  if (wanted === null || deployment === null) return 0;
  if (deployment <= wanted) return 1;
  return deployment <= wanted * TIMELINE_SLACK ? 0.5 : 0;
}

const round = (n: number) => Math.round(n * 100) / 100;
