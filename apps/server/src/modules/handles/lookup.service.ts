import type { HandleStats, HandleStatsQuery, PublicHandleView, ReverseLookupQuery, ReverseLookupResult } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { fieldError, notFound } from '../../platform/errors.js';
import { createHandleRepo, type PrefixFilter } from './handle.repo.js';
import { asciiUpper, isSyntaxProblem, parseHandle } from './logic/syntax.js';
import { templateRefOf } from './logic/template.js';
import { toWire } from './logic/values.js';
import type { PrefixService } from './prefix.service.js';
import type { Resolver } from './resolver.js';

export interface LookupServiceDeps {
  db: Db;
  prefixes: PrefixService;
  resolver: Resolver;
}

const MAX_STATS_DAYS = 731;

/** Reverse lookup, the public record view and statistics: reads beyond plain resolution. */
export function createLookupService(deps: LookupServiceDeps) {
  const repo = createHandleRepo(deps.db);

  function narrow(filter: PrefixFilter, prefix: string | undefined): PrefixFilter {
    if (!prefix) return filter;
    const row = deps.prefixes.lookup(prefix);
    if (!row || (filter !== null && !filter.includes(row.prefix))) return [];
    return [row.prefix];
  }

  return {
    /**
     * Which handles carry this exact value (a URL, a serial number). Anonymous callers (actor null)
     * see matches in public-read values only; logged-in readers see every value of their prefixes.
     */
    async reverse(actor: Actor | null, query: ReverseLookupQuery): Promise<ReverseLookupResult> {
      await deps.prefixes.ensureLoaded();
      const filter = narrow(actor ? deps.prefixes.visibleFilter(actor) : null, query.prefix);
      if (filter !== null && filter.length === 0) return { items: [], hasMore: false };
      const rows = await repo.reverseLookup({
        value: query.value,
        ...(query.type ? { type: query.type } : {}),
        filter,
        publicOnly: actor === null,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { items: rows.slice(0, query.pageSize), hasMore: rows.length > query.pageSize };
    },

    /** The resolve page's view of a handle: public values, owner, and its template's labels. */
    async publicView(handle: string): Promise<PublicHandleView> {
      await deps.prefixes.ensureLoaded();
      const parsed = parseHandle(handle);
      if (isSyntaxProblem(parsed)) throw fieldError('VALIDATION_FAILED', 'handle', parsed.rule, parsed.message);
      const prefix = deps.prefixes.lookup(parsed.prefix);
      if (!prefix || prefix.status !== 'active') throw notFound('handle');
      const got = deps.resolver.get(parsed.key);
      const entry = got instanceof Promise ? await got : got;
      if (!entry.record) throw notFound('handle');
      deps.resolver.countResolution(prefix.prefix);
      const ref = templateRefOf(entry.publicValues);
      const template = ref ? await repo.template(prefix.prefix, ref.industryCode, ref.version) : null;
      const url = entry.publicValues.find((v) => asciiUpper(v.type) === 'URL' && v.data.format === 'string');
      return {
        handle: entry.record.handle,
        prefix: prefix.prefix,
        ownerOrgName: prefix.ownerOrgName,
        template: template
          ? { industryCode: template.industryCode, name: template.name, version: template.version, items: template.items }
          : null,
        values: entry.publicValues.map(toWire),
        url: url && url.data.format === 'string' ? url.data.value : null,
      };
    },

    /** Registrations and resolutions per day and per prefix, scoped: city, own district, own enterprise. */
    async stats(actor: Actor, query: HandleStatsQuery): Promise<HandleStats> {
      await deps.prefixes.ensureLoaded();
      if (query.from > query.to) throw fieldError('VALIDATION_FAILED', 'from', 'range', 'from is after to');
      const days = dayRange(query.from, query.to);
      if (days.length > MAX_STATS_DAYS) throw fieldError('VALIDATION_FAILED', 'to', 'range', `at most ${MAX_STATS_DAYS} days`);
      const filter = narrow(deps.prefixes.visibleFilter(actor), query.prefix);
      const [byDay, byPrefix, handles] = await Promise.all([
        repo.statsByDay(filter, query.from, query.to),
        repo.statsByPrefix(filter, query.from, query.to),
        filter !== null && filter.length === 0 ? Promise.resolve(0) : repo.countRecords(filter),
      ]);
      // This instance's counts not yet flushed, so a resolution shows up at once where it was served.
      for (const p of deps.resolver.pending()) {
        if (p.day < query.from || p.day > query.to || (filter !== null && !filter.includes(p.prefix))) continue;
        const d = byDay.find((x) => x.day === p.day) ?? byDay[byDay.push({ day: p.day, registrations: 0, resolutions: 0 }) - 1];
        const x =
          byPrefix.find((y) => y.prefix === p.prefix) ??
          byPrefix[byPrefix.push({ prefix: p.prefix, registrations: 0, resolutions: 0 }) - 1];
        if (d) d.resolutions += p.resolutions;
        if (x) x.resolutions += p.resolutions;
      }
      byPrefix.sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
      const dayMap = new Map(byDay.map((d) => [d.day, d]));
      const prefixRows = byPrefix.flatMap((p) => {
        const row = deps.prefixes.lookup(p.prefix);
        return row
          ? [
              {
                prefix: p.prefix,
                ownerOrgId: row.ownerOrgId,
                ownerOrgName: row.ownerOrgName,
                districtId: row.districtId,
                registrations: p.registrations,
                resolutions: p.resolutions,
              },
            ]
          : [];
      });
      return {
        from: query.from,
        to: query.to,
        totals: {
          registrations: byDay.reduce((s, d) => s + d.registrations, 0),
          resolutions: byDay.reduce((s, d) => s + d.resolutions, 0),
          handles,
        },
        days: days.map((day) => ({
          day,
          registrations: dayMap.get(day)?.registrations ?? 0,
          resolutions: dayMap.get(day)?.resolutions ?? 0,
        })),
        byPrefix: prefixRows,
      };
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;

function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`);
    t <= end && out.length <= MAX_STATS_DAYS;
    t += 86_400_000
  ) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
