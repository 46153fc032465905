import type { DemandMatch, MatchQuery, ProviderMatchQuery, SolutionMatch } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { fieldError } from '../../platform/errors.js';
import type { SolutionService, SolutionWithProvider } from '../solutions/index.js';
import type { DemandRow } from './demand.repo.js';
import { createDemandRepo } from './demand.repo.js';
import type { DemandService } from './demand.service.js';
import { buildMatchCorpus, type MatchCorpus, type MatchDemand, type MatchSolution, solutionText } from './matching/ranker.js';
import { defaultTokenizer, type Tokenizer } from './matching/tokenizer.js';

export interface MatchingServiceDeps {
  db: Db;
  demands: Pick<DemandService, 'getVisible'>;
  solutions: Pick<SolutionService, 'published' | 'codeNames'>;
  tokenizer?: Tokenizer;
}

/** How many open demands the provider side ranks (the newest). */
const PROVIDER_POOL = 500;
/** Tokenised solutions kept between requests, keyed by id and version (edits bump the version). */
const TERM_CACHE_LIMIT = 50_000;

/** Matching (issue #15 item 3): solutions ranked for a demand, demands ranked for a provider, each explained. */
export function createMatchingService(deps: MatchingServiceDeps) {
  // Resolved on first use: loading jieba's dictionary costs CPU no app start should pay.
  let resolved = deps.tokenizer;
  const tokenizerOf = (): Tokenizer => {
    resolved ??= defaultTokenizer();
    return resolved;
  };
  const termCache = new Map<string, string[]>();

  function termsOf(s: MatchSolution & { key: string }): string[] {
    const cached = termCache.get(s.key);
    if (cached) return cached;
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    const terms = tokenizerOf().tokens(s.text);
    termCache.set(s.key, terms);
    return terms;
  }

  /** The published catalogue as a corpus. */
  async function corpus(db: DbOrTx): Promise<{ corpus: MatchCorpus; rows: Map<string, SolutionWithProvider> }> {
    const rows = await deps.solutions.published(undefined, db);
    const names = await deps.solutions.codeNames(db);
    const docs = rows.map(({ solution: s, providerDistrictId }) => ({
      key: `${s.id}:${s.version}`,
      id: s.id,
      text: solutionText(s, (c) => names.scenario.get(c)),
      industries: s.industries,
      scenarios: s.scenarios,
      priceBand: s.priceBand,
      deploymentWeeks: s.deploymentWeeks,
      providerDistrictId,
      referenceCount: s.references.length,
    }));
    return {
      corpus: buildMatchCorpus(docs, tokenizerOf(), (s) => termsOf(s as (typeof docs)[number])),
      rows: new Map(rows.map((r) => [r.solution.id, r])),
    };
  }

  const asMatchDemand = (d: DemandRow): MatchDemand => ({
    title: d.title,
    problem: d.problem,
    industry: d.industry,
    scenarios: d.scenarios,
    budgetBand: d.budgetBand,
    timelineWeeks: d.timelineWeeks,
    districtId: d.districtId,
  });

  return {
    async forDemand(actor: Actor, demandId: string, query: MatchQuery): Promise<{ items: SolutionMatch[]; tokenizer: string }> {
      const { demand } = await deps.demands.getVisible(actor, 'read', demandId);
      const { corpus: c, rows } = await corpus(deps.db);
      const ranked = c.rank(asMatchDemand(demand), { limit: query.limit });
      const leads = new Map((await createDemandRepo(deps.db).leadPairs([demand.id])).map((l) => [l.solutionId, l.id]));
      const items = ranked.flatMap((r, i) => {
        const row = rows.get(r.solutionId);
        if (!row) return [];
        const s = row.solution;
        return [
          {
            solution: {
              id: s.id,
              title: s.title,
              providerId: s.providerId,
              providerName: row.providerName,
              priceBand: s.priceBand,
              deploymentWeeks: s.deploymentWeeks,
              deliveryModel: s.deliveryModel,
            },
            score: r.score,
            rank: i + 1,
            contributions: r.contributions,
            leadId: leads.get(s.id) ?? null,
          },
        ];
      });
      return { items, tokenizer: c.tokenizer };
    },

    /** One pair's score (kept on a lead when it opens), or null when it does not match at all. */
    async scorePair(demand: DemandRow, solutionId: string, db: DbOrTx): Promise<number | null> {
      const { corpus: c } = await corpus(db);
      return c.rank(asMatchDemand(demand), { only: new Set([solutionId]), limit: 1 })[0]?.score ?? null;
    },

    async forProvider(actor: Actor, query: ProviderMatchQuery): Promise<{ items: DemandMatch[]; tokenizer: string | null }> {
      const providerId = actor.scope === 'organisation' ? actor.orgId : query.providerId;
      if (!providerId) throw fieldError('VALIDATION_FAILED', 'providerId', 'required', 'name the provider to rank demands for');
      // Nothing to rank without a published solution of the provider: no corpus, no dictionary load.
      if ((await deps.solutions.published(providerId)).length === 0) return { items: [], tokenizer: null };
      const { corpus: c, rows } = await corpus(deps.db);
      const own = new Set([...rows.values()].filter((r) => r.solution.providerId === providerId).map((r) => r.solution.id));
      const pool = await createDemandRepo(deps.db).findOpenDemands(PROVIDER_POOL);
      const best = pool.flatMap((d) => {
        const top = c.rank(asMatchDemand(d.demand), { only: own, limit: 1 })[0];
        return top ? [{ d, top }] : [];
      });
      best.sort((a, b) => b.top.score - a.top.score);
      const chosen = best.slice(0, query.limit);
      const leads = await createDemandRepo(deps.db).leadPairs(chosen.map((x) => x.d.demand.id));
      const items = chosen.map(({ d, top }, i) => ({
        demand: {
          id: d.demand.id,
          title: d.demand.title,
          enterpriseName: d.enterpriseName,
          districtName: d.districtName,
          budgetBand: d.demand.budgetBand,
          createdAt: d.demand.createdAt.toISOString(),
        },
        solutionId: top.solutionId,
        solutionTitle: rows.get(top.solutionId)?.solution.title ?? '',
        score: top.score,
        rank: i + 1,
        contributions: top.contributions,
        leadId: leads.find((l) => l.demandId === d.demand.id && l.solutionId === top.solutionId)?.id ?? null,
      }));
      return { items, tokenizer: c.tokenizer };
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
