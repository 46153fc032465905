import type { UserListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, gt, ilike, lt, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { appUser, userSession } from './account.table.js';

export type UserRow = typeof appUser.$inferSelect;
export type NewUserRow = typeof appUser.$inferInsert;
export type UserWithOrg = UserRow & { orgName: string; orgKind: string; orgDistrictId: string | null };
export type SessionRow = typeof userSession.$inferSelect;

const SORTABLE = {
  username: appUser.username,
  displayName: appUser.displayName,
  role: appUser.role,
  createdAt: appUser.createdAt,
  lastLoginAt: appUser.lastLoginAt,
} as const;

const withOrg = {
  user: appUser,
  orgName: organisation.name,
  orgKind: organisation.kind,
  orgDistrictId: organisation.districtId,
};

function flatten(r: { user: UserRow; orgName: string; orgKind: string; orgDistrictId: string | null }): UserWithOrg {
  return { ...r.user, orgName: r.orgName, orgKind: r.orgKind, orgDistrictId: r.orgDistrictId };
}

/** Users and their browser sessions. */
export function createUserRepo(db: DbOrTx) {
  return {
    async findById(id: string): Promise<UserWithOrg | null> {
      const [row] = await db
        .select(withOrg)
        .from(appUser)
        .innerJoin(organisation, eq(organisation.id, appUser.orgId))
        .where(eq(appUser.id, id));
      return row ? flatten(row) : null;
    },

    async findByUsername(username: string): Promise<UserWithOrg | null> {
      const [row] = await db
        .select(withOrg)
        .from(appUser)
        .innerJoin(organisation, eq(organisation.id, appUser.orgId))
        .where(eq(appUser.username, username));
      return row ? flatten(row) : null;
    },

    async findPage(scope: OrgScope, query: UserListQuery): Promise<{ items: UserWithOrg[]; total: number }> {
      const where = and(scopeFilter(scope), ...listFilters(query));
      const key = (query.sort ?? 'username').replace(/^-/, '') as keyof typeof SORTABLE;
      const column = SORTABLE[key] ?? appUser.username;
      const rows = await db
        .select(withOrg)
        .from(appUser)
        .innerJoin(organisation, eq(organisation.id, appUser.orgId))
        .where(where)
        .orderBy(query.sort?.startsWith('-') ? desc(column) : asc(column), asc(appUser.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(appUser)
        .innerJoin(organisation, eq(organisation.id, appUser.orgId))
        .where(where);
      return { items: rows.map(flatten), total: total?.n ?? 0 };
    },

    async countAll(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(appUser);
      return row?.n ?? 0;
    },

    async insert(row: NewUserRow): Promise<UserRow> {
      const [created] = await db.insert(appUser).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    /** Versioned update for edits made by people; returns null on a stale version. */
    async updateVersioned(id: string, version: number, patch: Partial<NewUserRow>): Promise<UserRow | null> {
      const [row] = await db
        .update(appUser)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(appUser.id, id), eq(appUser.version, version)))
        .returning();
      return row ?? null;
    },

    /** Unversioned update for system bookkeeping (login counters, lockout). */
    async update(id: string, patch: Partial<NewUserRow>): Promise<UserRow | null> {
      const [row] = await db.update(appUser).set(patch).where(eq(appUser.id, id)).returning();
      return row ?? null;
    },

    /**
     * The active city administrators, their rows locked until the transaction ends: two administrators
     * demoting each other at once queue here, and the second sees the first's change.
     */
    async lockActiveCityAdmins(): Promise<string[]> {
      const rows = await db
        .select({ id: appUser.id })
        .from(appUser)
        .where(and(eq(appUser.role, 'city_admin'), eq(appUser.status, 'active')))
        .orderBy(asc(appUser.id))
        .for('update');
      return rows.map((r) => r.id);
    },

    async insertSession(row: SessionRow): Promise<void> {
      await db.insert(userSession).values(row);
    },

    async findSession(idHash: string, now: Date): Promise<SessionRow | null> {
      const [row] = await db
        .select()
        .from(userSession)
        .where(and(eq(userSession.idHash, idHash), gt(userSession.expiresAt, now)));
      return row ?? null;
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.delete(userSession).where(eq(userSession.idHash, idHash));
    },

    /** Ends every session of a user except, optionally, the one making the change. */
    async deleteSessionsOf(userId: string, keepIdHash?: string): Promise<void> {
      const where = keepIdHash ? and(eq(userSession.userId, userId), ne(userSession.idHash, keepIdHash)) : eq(userSession.userId, userId);
      await db.delete(userSession).where(where);
    },

    async deleteExpiredSessions(now: Date): Promise<void> {
      await db.delete(userSession).where(lt(userSession.expiresAt, now));
    },
  };
}

export type UserRepo = ReturnType<typeof createUserRepo>;

function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(organisation.districtId, scope.districtId);
  return eq(appUser.orgId, scope.orgId);
}

function listFilters(q: UserListQuery): SQL[] {
  const filters: SQL[] = [];
  if (q.role) filters.push(eq(appUser.role, q.role));
  if (q.orgId) filters.push(eq(appUser.orgId, q.orgId));
  if (q.status) filters.push(eq(appUser.status, q.status));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    const any = or(ilike(appUser.username, pattern), ilike(appUser.displayName, pattern), ilike(organisation.name, pattern));
    if (any) filters.push(any);
  }
  return filters;
}
