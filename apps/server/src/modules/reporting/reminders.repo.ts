import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisation } from '../organisations/organisation.table.js';
import { reportingReminder } from './reminders.table.js';
import { dataRegistration, dataSet } from './reporting.table.js';

export type ReminderRow = typeof reportingReminder.$inferSelect;

/** What the reminder run reads and writes (kept apart from reporting.repo.ts, which is the forms' own). */
export function createRemindersRepo(db: DbOrTx) {
  return {
    async dataSets() {
      return db.select().from(dataSet).orderBy(asc(dataSet.code));
    },
    async districts(): Promise<Array<{ id: string; name: string; nameEn: string | null }>> {
      return db
        .select({ id: organisation.id, name: organisation.name, nameEn: organisation.nameEn })
        .from(organisation)
        .where(eq(organisation.kind, 'district'))
        .orderBy(asc(organisation.divisionCode));
    },
    /** (period, org) pairs that are completed, approved or accepted. */
    async completed(dataSetCode: string, periods: string[]): Promise<Array<{ period: string; orgId: string }>> {
      if (periods.length === 0) return [];
      return db
        .select({ period: dataRegistration.period, orgId: dataRegistration.orgId })
        .from(dataRegistration)
        .where(and(eq(dataRegistration.dataSetCode, dataSetCode), inArray(dataRegistration.period, periods)));
    },
    /** Claims the reminder's key; false when it was sent before (the primary key has the last word). */
    async claim(row: typeof reportingReminder.$inferInsert): Promise<boolean> {
      const inserted = await db.insert(reportingReminder).values(row).onConflictDoNothing().returning({ period: reportingReminder.period });
      return inserted.length > 0;
    },
    /** Gives a claimed key back (nobody could be told; a later run tries again). */
    async release(key: Pick<ReminderRow, 'dataSetCode' | 'period' | 'orgId' | 'kind'>): Promise<void> {
      await db
        .delete(reportingReminder)
        .where(
          and(
            eq(reportingReminder.dataSetCode, key.dataSetCode),
            eq(reportingReminder.period, key.period),
            eq(reportingReminder.orgId, key.orgId),
            eq(reportingReminder.kind, key.kind),
          ),
        );
    },
    async setRecipients(key: Pick<ReminderRow, 'dataSetCode' | 'period' | 'orgId' | 'kind'>, recipients: number): Promise<void> {
      await db
        .update(reportingReminder)
        .set({ recipients })
        .where(
          and(
            eq(reportingReminder.dataSetCode, key.dataSetCode),
            eq(reportingReminder.period, key.period),
            eq(reportingReminder.orgId, key.orgId),
            eq(reportingReminder.kind, key.kind),
          ),
        );
    },
  };
}
