import { SEARCH_KINDS, SEARCH_LIMIT_PER_KIND, type SearchHit, type SearchKind, type SearchResult } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';

/**
 * One kind's search: the owning module's own list with its policy's scope, given the text and how
 * many hits to return. Refuses (403) when the caller may not read that kind.
 */
export type SearchSource = (actor: Actor, q: string, limit: number) => Promise<{ hits: SearchHit[]; total: number }>;

export interface SearchServiceDeps {
  sources: Readonly<Record<SearchKind, SearchSource>>;
}

/** The header's global search (#12 item 7): composes the modules' scoped lists; never widens what a list shows. */
export function createSearchService(deps: SearchServiceDeps) {
  return {
    async search(actor: Actor, q: string): Promise<SearchResult> {
      const groups = await Promise.all(
        SEARCH_KINDS.map(async (kind) => {
          try {
            const found = await deps.sources[kind](actor, q, SEARCH_LIMIT_PER_KIND);
            return { kind, total: found.total, hits: found.hits.slice(0, SEARCH_LIMIT_PER_KIND) };
          } catch (error) {
            // A kind the caller may not read is simply not searched (the module's policy said no).
            if (error instanceof AppError && error.code === 'FORBIDDEN') return null;
            throw error;
          }
        }),
      );
      return { groups: groups.filter((g) => g !== null && g.total > 0) as SearchResult['groups'] };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
