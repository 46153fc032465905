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
  /** Every solution with a score above zero, best first (ties by position in the corpus). */
  rank(demand: MatchDemand, options?: { only?: ReadonlySet<string> }): RankedSolution[];
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
    rank(demand, options = {}) {
      const query = tokenizer.tokens(`${demand.title} ${demand.problem}`);
      const out: RankedSolution[] = [];
      solutions.forEach((solution, doc) => {
        if (options.only && !options.only.has(solution.id)) return;
        const text = index.score(query, doc);
        const contributions = explain(
          demand,
          solution,
          text.score,
          text.terms.map((t) => t.term),
        );
        const score = round(contributions.reduce((sum, c) => sum + c.points, 0));
        if (score > 0) out.push({ solutionId: solution.id, score, contributions });
      });
      // Stable sort: equal scores keep the corpus order (the caller orders the corpus).
      return out.sort((a, b) => b.score - a.score);
    },
  };
}

/** The contributions of every factor to one demand × solution score, each with its numbers. Pure. */
export function explain(demand: MatchDemand, solution: MatchSolution, bm25: number, terms: readonly string[]): MatchContribution[] {
  const factor = (f: MatchFactor, similarity: number, matched: string[], params: MatchContribution['params']): MatchContribution => ({
    factor: f,
    similarity: round(similarity),
    points: round(similarity * MATCH_WEIGHTS[f]),
    matched,
    params,
  });
  const sharedScenarios = demand.scenarios.filter((s) => solution.scenarios.includes(s));
  const industryMatch = demand.industry !== null && solution.industries.includes(demand.industry);
  return [
    factor('text', bm25 / (bm25 + TEXT_HALF), terms.slice(0, 8), { bm25: round(bm25) }),
    factor('scenario', demand.scenarios.length ? sharedScenarios.length / demand.scenarios.length : 0, sharedScenarios, {
      shared: sharedScenarios.length,
      wanted: demand.scenarios.length,
    }),
    factor('industry', industryMatch ? 1 : 0, industryMatch && demand.industry ? [demand.industry] : [], { industry: demand.industry }),
    factor('budget', budgetFit(demand.budgetBand, solution.priceBand), [], {
      budgetBand: demand.budgetBand,
      priceBand: solution.priceBand,
    }),
    factor('timeline', timelineFit(demand.timelineWeeks, solution.deploymentWeeks), [], {
      wantedWeeks: demand.timelineWeeks,
      deploymentWeeks: solution.deploymentWeeks,
    }),
    factor('district', solution.providerDistrictId === demand.districtId ? 1 : 0, [], {}),
    // Proven delivery counts only where the solution serves the demand's industry.
    factor('references', industryMatch ? Math.min(1, solution.referenceCount / 2) : 0, [], { count: solution.referenceCount }),
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
