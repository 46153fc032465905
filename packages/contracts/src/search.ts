import { z } from 'zod';

/** The kinds of record the header's global search finds (#12 item 7), in the order the results are grouped. */
export const SEARCH_KINDS = ['enterprise', 'project', 'handle', 'vulnerability'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** At most this many hits per kind. */
export const SEARCH_LIMIT_PER_KIND = 5;

export const SearchQuerySchema = z
  .object({
    q: z.string().trim().min(2).max(100),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** One hit: what it is, its key (a uuid, or the handle itself) and what people read. */
export const SearchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** Hits grouped by kind; a kind the caller may not read is left out (not an error). */
export const SearchResultSchema = z.object({
  groups: z.array(z.object({ kind: z.enum(SEARCH_KINDS), total: z.number().int(), hits: SearchHitSchema.array() })),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
