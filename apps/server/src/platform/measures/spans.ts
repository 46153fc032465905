import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A module's records as counting spans, for the indicators' record counters (issue #10 item 4):
 * a SELECT of (kind, id, title, district_id, state, since, until, weight, ref) — each row counts
 * `weight` on every day from `since` until the day before `until` (for ever when null). The module
 * that owns the tables writes it with its Drizzle columns, so a renamed column fails to compile;
 * `inDistrict(column)` is the caller's district filter (`AND column = …`, or nothing) applied to
 * the column that places the record in a district.
 */
export type SpanSource = (inDistrict: (column: AnyPgColumn) => SQL) => SQL;

/** Named span sources: the counter names indicators refer to (`indicator.counter`). */
export type SpanSources = Readonly<Record<string, SpanSource>>;

/** Several modules' sources as one: a counter named by more than one counts all their rows (UNION ALL). */
export function combineSources(...sources: SpanSources[]): SpanSources {
  const out: Record<string, SpanSource> = {};
  for (const source of sources)
    for (const [name, build] of Object.entries(source)) {
      const before = out[name];
      out[name] = before ? (inDistrict) => sql`${before(inDistrict)} UNION ALL ${build(inDistrict)}` : build;
    }
  return out;
}
