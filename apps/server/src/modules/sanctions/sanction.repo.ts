import { and, count, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { sanction } from './sanction.table.js';

export type SanctionRow = typeof sanction.$inferSelect;
export type NewSanctionRow = typeof sanction.$inferInsert;
export interface SanctionWithNames {
  row: SanctionRow;
  createdByName: string | null;
}

/** The filters of the register; `state` is judged against `today` (a China Standard Time date). */
export interface SanctionFilter {
  state?: 'active' | 'scheduled' | 'expired' | 'lifted';
  today: string;
  organisationId?: string;
  creditCode?: string;
  personDigests?: string[];
  q?: string;
}

function conditions(f: SanctionFilter): SQL | undefined {
  const parts: Array<SQL | undefined> = [];
  if (f.state === 'lifted') parts.push(isNotNull(sanction.liftedAt));
  if (f.state === 'active') parts.push(isNull(sanction.liftedAt), lte(sanction.startsOn, f.today), gte(sanction.endsOn, f.today));
  if (f.state === 'scheduled') parts.push(isNull(sanction.liftedAt), gt(sanction.startsOn, f.today));
  if (f.state === 'expired') parts.push(isNull(sanction.liftedAt), lt(sanction.endsOn, f.today));
  if (f.organisationId) parts.push(eq(sanction.organisationId, f.organisationId));
  if (f.creditCode) parts.push(eq(sanction.creditCode, f.creditCode));
  if (f.personDigests) parts.push(inArray(sanction.personDigest, f.personDigests.length ? f.personDigests : ['']));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    parts.push(
      or(
        ilike(sanction.entityName, pattern),
        ilike(sanction.creditCode, pattern),
        ilike(sanction.personName, pattern),
        ilike(sanction.basis, pattern),
      ),
    );
  }
  return and(...parts);
}

/** SQL of the sanction register. */
export function createSanctionRepo(db: DbOrTx) {
  const withNames = () =>
    db.select({ row: sanction, createdByName: appUser.displayName }).from(sanction).leftJoin(appUser, eq(appUser.id, sanction.createdBy));

  return {
    async list(filter: SanctionFilter, page: { page: number; pageSize: number }): Promise<{ items: SanctionWithNames[]; total: number }> {
      const where = conditions(filter);
      const items = await withNames()
        .where(where)
        .orderBy(desc(sanction.createdAt), desc(sanction.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const [total] = await db.select({ n: count() }).from(sanction).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async find(id: string): Promise<SanctionWithNames | null> {
      const [found] = await withNames().where(eq(sanction.id, id));
      return found ?? null;
    },

    /** Sanctions in force on `today` against the entity (by organisation or credit code) or the person. */
    async findInForce(today: string, subject: { organisationId?: string; creditCode?: string | null; personDigests?: string[] }) {
      const who: Array<SQL | undefined> = [];
      if (subject.organisationId) who.push(eq(sanction.organisationId, subject.organisationId));
      if (subject.creditCode) who.push(eq(sanction.creditCode, subject.creditCode));
      if (subject.personDigests?.length) who.push(inArray(sanction.personDigest, subject.personDigests));
      if (who.length === 0) return [];
      return db
        .select()
        .from(sanction)
        .where(and(isNull(sanction.liftedAt), lte(sanction.startsOn, today), gte(sanction.endsOn, today), or(...who)))
        .orderBy(desc(sanction.endsOn));
    },

    async insert(row: NewSanctionRow): Promise<SanctionRow> {
      const [created] = await db.insert(sanction).values(row).returning();
      if (!created) throw new Error('sanction insert returned nothing');
      return created;
    },

    /** Lifts a sanction not yet lifted; null when it was lifted meanwhile (or does not exist). */
    async lift(id: string, at: Date, by: string | null, reason: string): Promise<SanctionRow | null> {
      const [updated] = await db
        .update(sanction)
        .set({ liftedAt: at, liftedBy: by, liftReason: reason, version: sql`${sanction.version} + 1` })
        .where(and(eq(sanction.id, id), isNull(sanction.liftedAt)))
        .returning();
      return updated ?? null;
    },

    /** The registered organisation holding a credit code, if any. */
    async organisationWithCreditCode(creditCode: string): Promise<{ id: string; name: string } | null> {
      const [found] = await db
        .select({ id: organisation.id, name: organisation.name })
        .from(organisation)
        .where(eq(organisation.creditCode, creditCode));
      return found ?? null;
    },

    async creditCodeOf(organisationId: string): Promise<string | null> {
      const [found] = await db
        .select({ creditCode: organisation.creditCode })
        .from(organisation)
        .where(eq(organisation.id, organisationId));
      return found?.creditCode ?? null;
    },
  };
}

/** Whether any identity-number digest is stored: the data key is then needed to recognise people again. */
export async function hasPersonDigests(db: DbOrTx): Promise<boolean> {
  const [found] = await db.select({ id: sanction.id }).from(sanction).where(isNotNull(sanction.personDigest)).limit(1);
  return found !== undefined;
}
