import { and, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { organisation } from '../../organisations/organisation.table.js';
import { vulnerability } from '../advisory.table.js';
import { vulnMatch } from '../asset.table.js';
import { vulnNotice, vulnNoticeRecipient, vulnNoticeVulnerability } from '../notice.table.js';

export type NoticeRow = typeof vulnNotice.$inferSelect;
export type RecipientRow = typeof vulnNoticeRecipient.$inferSelect & { enterpriseName: string };

/** Early-warning notices, their vulnerabilities and recipients: the only SQL for them. */
export function createNoticeRepo(db: DbOrTx) {
  return {
    async insert(values: typeof vulnNotice.$inferInsert): Promise<NoticeRow> {
      const [row] = await db.insert(vulnNotice).values(values).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async update(id: string, version: number, values: Partial<typeof vulnNotice.$inferInsert>): Promise<NoticeRow | null> {
      const [row] = await db
        .update(vulnNotice)
        .set({ ...values, version: version + 1 })
        .where(and(eq(vulnNotice.id, id), eq(vulnNotice.version, version)))
        .returning();
      return row ?? null;
    },
    async findById(id: string): Promise<NoticeRow | null> {
      const [row] = await db.select().from(vulnNotice).where(eq(vulnNotice.id, id));
      return row ?? null;
    },
    async setVulnerabilities(noticeId: string, ids: string[]): Promise<void> {
      await db.delete(vulnNoticeVulnerability).where(eq(vulnNoticeVulnerability.noticeId, noticeId));
      if (ids.length) await db.insert(vulnNoticeVulnerability).values(ids.map((vulnerabilityId) => ({ noticeId, vulnerabilityId })));
    },
    async vulnerabilitiesOf(noticeIds: string[]) {
      if (noticeIds.length === 0) return [];
      return db
        .select({
          noticeId: vulnNoticeVulnerability.noticeId,
          id: vulnerability.id,
          key: vulnerability.key,
          title: sql<string>`coalesce(${vulnerability.titleZh}, ${vulnerability.title})`,
          grade: vulnerability.grade,
        })
        .from(vulnNoticeVulnerability)
        .innerJoin(vulnerability, eq(vulnerability.id, vulnNoticeVulnerability.vulnerabilityId))
        .where(inArray(vulnNoticeVulnerability.noticeId, noticeIds))
        .orderBy(vulnerability.key);
    },
    async recipientsOf(noticeId: string): Promise<RecipientRow[]> {
      const rows = await db
        .select({ r: vulnNoticeRecipient, enterpriseName: organisation.name })
        .from(vulnNoticeRecipient)
        .innerJoin(organisation, eq(organisation.id, vulnNoticeRecipient.enterpriseId))
        .where(eq(vulnNoticeRecipient.noticeId, noticeId))
        .orderBy(organisation.name);
      return rows.map((x) => ({ ...x.r, enterpriseName: x.enterpriseName }));
    },
    async insertRecipients(rows: (typeof vulnNoticeRecipient.$inferInsert)[]): Promise<void> {
      if (rows.length) await db.insert(vulnNoticeRecipient).values(rows);
    },
    async updateRecipient(noticeId: string, enterpriseId: string, values: Partial<typeof vulnNoticeRecipient.$inferInsert>): Promise<void> {
      await db
        .update(vulnNoticeRecipient)
        .set(values)
        .where(and(eq(vulnNoticeRecipient.noticeId, noticeId), eq(vulnNoticeRecipient.enterpriseId, enterpriseId)));
    },
    /** Enterprises whose assets are affected (matcher or analyst review) by any of these vulnerabilities. */
    async affectedEnterprises(vulnerabilityIds: string[]) {
      if (vulnerabilityIds.length === 0) return [];
      return db
        .select({
          enterpriseId: vulnMatch.enterpriseId,
          enterpriseName: organisation.name,
          districtId: vulnMatch.districtId,
          assetCount: sql<number>`count(distinct ${vulnMatch.assetId})::int`,
        })
        .from(vulnMatch)
        .innerJoin(organisation, eq(organisation.id, vulnMatch.enterpriseId))
        .where(
          and(
            inArray(vulnMatch.vulnerabilityId, vulnerabilityIds),
            sql`coalesce(${vulnMatch.reviewVerdict}, ${vulnMatch.verdict}) = 'affected'`,
          ),
        )
        .groupBy(vulnMatch.enterpriseId, organisation.name, vulnMatch.districtId)
        .orderBy(organisation.name);
    },
    async countNumbered(prefix: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(vulnNotice)
        .where(like(vulnNotice.number, `${prefix}%`));
      return row?.n ?? 0;
    },
    async lockNumbering(): Promise<void> {
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('vuln:notice-number'))`);
    },
    /** Notices a caller may list: analysts all; published ones for others, an enterprise only those sent to it. */
    async findPage(filter: { drafts: boolean; enterpriseId?: string; status?: 'draft' | 'published' }, page: number, pageSize: number) {
      const where = and(
        filter.drafts ? undefined : eq(vulnNotice.status, 'published'),
        filter.status ? eq(vulnNotice.status, filter.status) : undefined,
        filter.enterpriseId
          ? sql`exists (select 1 from ${vulnNoticeRecipient} r where r.notice_id = ${vulnNotice.id} and r.enterprise_id = ${filter.enterpriseId})`
          : undefined,
      ) as SQL | undefined;
      const items = await db
        .select()
        .from(vulnNotice)
        .where(where)
        .orderBy(desc(vulnNotice.updatedAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [total] = await db.select({ n: count() }).from(vulnNotice).where(where);
      return { items, total: total?.n ?? 0 };
    },
  };
}
