import type { PublicSolutionQuery, SolutionListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { solution } from './solution.table.js';

export type SolutionRow = typeof solution.$inferSelect;
export interface SolutionWithProvider {
  solution: SolutionRow;
  providerName: string;
  providerDistrictId: string | null;
}

const SORTABLE = { title: solution.title, updatedAt: solution.updatedAt, publishedAt: solution.publishedAt } as const;

/** Solutions: the only place with their SQL. */
export function createSolutionRepo(db: DbOrTx) {
  const base = () =>
    db
      .select({ solution, providerName: organisation.name, providerDistrictId: organisation.districtId })
      .from(solution)
      .innerJoin(organisation, eq(organisation.id, solution.providerId));

  async function page(where: SQL | undefined, q: { page: number; pageSize: number; sort?: string | undefined }) {
    const key = (q.sort ?? '-updatedAt').replace(/^-/, '') as keyof typeof SORTABLE;
    const column = SORTABLE[key] ?? solution.updatedAt;
    const descending = (q.sort ?? '-updatedAt').startsWith('-');
    const items = await base()
      .where(where)
      .orderBy(descending ? desc(column) : asc(column), asc(solution.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [total] = await db.select({ n: count() }).from(solution).where(where);
    return { items, total: total?.n ?? 0 };
  }

  return {
    async findById(id: string): Promise<SolutionWithProvider | null> {
      const [row] = await base().where(eq(solution.id, id));
      return row ?? null;
    },

    /** The page of solutions the actor reaches: published ones plus those in `scope` (their own, or all). */
    findPage(scope: OrgScope, q: SolutionListQuery) {
      const reach = scope.all
        ? undefined
        : or(eq(solution.state, 'published'), 'orgId' in scope ? eq(solution.providerId, scope.orgId) : undefined);
      return page(and(reach, ...filters(q)), { ...q, sort: q.sort });
    },

    findPublishedPage(q: PublicSolutionQuery) {
      return page(and(eq(solution.state, 'published'), ...filters(q)), { ...q, sort: '-publishedAt' });
    },

    /** Every published solution with its provider (the matching corpus). */
    async findPublished(providerId?: string): Promise<SolutionWithProvider[]> {
      return base()
        .where(and(eq(solution.state, 'published'), providerId ? eq(solution.providerId, providerId) : undefined))
        .orderBy(asc(solution.id));
    },

    async insert(row: typeof solution.$inferInsert): Promise<SolutionRow> {
      const [created] = await db.insert(solution).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async insertMany(rows: Array<typeof solution.$inferInsert>): Promise<SolutionRow[]> {
      if (rows.length === 0) return [];
      return db.insert(solution).values(rows).returning();
    },

    async updateVersioned(id: string, version: number, patch: Partial<typeof solution.$inferInsert>): Promise<SolutionRow | null> {
      const [row] = await db
        .update(solution)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(solution.id, id), eq(solution.version, version)))
        .returning();
      return row ?? null;
    },
  };
}

function filters(q: {
  q?: string | undefined;
  industry?: string | undefined;
  scenario?: string | undefined;
  state?: string;
  providerId?: string;
}): SQL[] {
  const out: SQL[] = [];
  if (q.state) out.push(eq(solution.state, q.state as SolutionRow['state']));
  if (q.providerId) out.push(eq(solution.providerId, q.providerId));
  if (q.industry) out.push(sql`${q.industry} = ANY(${solution.industries})`);
  if (q.scenario) out.push(sql`${q.scenario} = ANY(${solution.scenarios})`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    const text = or(
      ilike(solution.title, like),
      ilike(solution.summary, like),
      sql`array_to_string(${solution.capabilities}, ' ') ILIKE ${like}`,
    );
    if (text) out.push(text);
  }
  return out;
}
