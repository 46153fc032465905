import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisation } from '../organisations/organisation.table.js';
import { dataElement, dataRegistration, dataSet, dataSetElement, dataValue, lockException, validationRule } from './reporting.table.js';

export type DataElementRow = typeof dataElement.$inferSelect;
export type DataSetRow = typeof dataSet.$inferSelect;
export type DataValueRow = typeof dataValue.$inferSelect;
export type RegistrationRow = typeof dataRegistration.$inferSelect;
export type LockExceptionRow = typeof lockException.$inferSelect;
export type ValidationRuleRow = typeof validationRule.$inferSelect;

/** Periodic reporting: definitions, values, form registrations and lock exceptions. */
export function createReportingRepo(db: DbOrTx) {
  return {
    async insertElementsIfMissing(rows: Array<typeof dataElement.$inferInsert>): Promise<number> {
      if (rows.length === 0) return 0;
      return (await db.insert(dataElement).values(rows).onConflictDoNothing().returning({ code: dataElement.code })).length;
    },
    async insertDataSetIfMissing(row: typeof dataSet.$inferInsert, elements: Array<typeof dataSetElement.$inferInsert>): Promise<boolean> {
      const inserted = await db.insert(dataSet).values(row).onConflictDoNothing().returning({ code: dataSet.code });
      if (inserted.length === 0) return false;
      if (elements.length > 0) await db.insert(dataSetElement).values(elements);
      return true;
    },
    async insertRulesIfMissing(rows: Array<typeof validationRule.$inferInsert>): Promise<void> {
      if (rows.length > 0) await db.insert(validationRule).values(rows).onConflictDoNothing();
    },
    async findDataSets(): Promise<DataSetRow[]> {
      return db.select().from(dataSet).orderBy(asc(dataSet.code));
    },
    async findDataSet(code: string): Promise<DataSetRow | null> {
      const [row] = await db.select().from(dataSet).where(eq(dataSet.code, code));
      return row ?? null;
    },
    async findSetElements(code: string): Promise<Array<DataElementRow & { section: string; position: number }>> {
      const rows = await db
        .select({ element: dataElement, section: dataSetElement.section, position: dataSetElement.position })
        .from(dataSetElement)
        .innerJoin(dataElement, eq(dataElement.code, dataSetElement.dataElementCode))
        .where(eq(dataSetElement.dataSetCode, code))
        .orderBy(asc(dataSetElement.position));
      return rows.map((r) => ({ ...r.element, section: r.section, position: r.position }));
    },
    async findRules(dataSetCode: string): Promise<ValidationRuleRow[]> {
      return db.select().from(validationRule).where(eq(validationRule.dataSetCode, dataSetCode)).orderBy(asc(validationRule.code));
    },
    async findValues(elements: string[], periods: string[], orgId: string): Promise<DataValueRow[]> {
      if (elements.length === 0 || periods.length === 0) return [];
      return db
        .select()
        .from(dataValue)
        .where(and(inArray(dataValue.dataElementCode, elements), inArray(dataValue.period, periods), eq(dataValue.orgId, orgId)));
    },
    /** Values of several districts at once (batch validation, exports). */
    async findValuesOf(elements: string[], periods: string[], orgIds: string[]): Promise<DataValueRow[]> {
      if (elements.length === 0 || periods.length === 0 || orgIds.length === 0) return [];
      return db
        .select()
        .from(dataValue)
        .where(and(inArray(dataValue.dataElementCode, elements), inArray(dataValue.period, periods), inArray(dataValue.orgId, orgIds)));
    },
    /** Registrations of several forms at once (imports check their locks). */
    async findRegistrationsOf(dataSetCode: string, periods: string[], orgIds: string[]): Promise<RegistrationRow[]> {
      if (periods.length === 0 || orgIds.length === 0) return [];
      return db
        .select()
        .from(dataRegistration)
        .where(
          and(
            eq(dataRegistration.dataSetCode, dataSetCode),
            inArray(dataRegistration.period, periods),
            inArray(dataRegistration.orgId, orgIds),
          ),
        );
    },
    async upsertValues(rows: Array<typeof dataValue.$inferInsert>): Promise<void> {
      for (const row of rows) {
        const { dataElementCode, period, orgId, ...rest } = row;
        await db
          .insert(dataValue)
          .values(row)
          .onConflictDoUpdate({ target: [dataValue.dataElementCode, dataValue.period, dataValue.orgId], set: rest });
      }
    },
    /** Writes many values in a few statements (imports): inserted, or updated in place. */
    async upsertValuesBulk(rows: Array<typeof dataValue.$inferInsert>): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insert(dataValue)
          .values(rows.slice(i, i + 500))
          .onConflictDoUpdate({
            target: [dataValue.dataElementCode, dataValue.period, dataValue.orgId],
            set: {
              value: sql`excluded.value`,
              comment: sql`excluded.comment`,
              storedBy: sql`excluded.stored_by`,
              updatedAt: sql`excluded.updated_at`,
            },
          });
      }
    },
    /** Which of these codes are data elements (of any data set). */
    async findElementCodes(codes: string[]): Promise<string[]> {
      if (codes.length === 0) return [];
      const rows = await db
        .select({ code: dataElement.code })
        .from(dataElement)
        .where(inArray(dataElement.code, [...new Set(codes)]));
      return rows.map((r) => r.code);
    },
    /** Every district with its division code (imports name districts by code, whoever imports). */
    async findDistricts(): Promise<Array<{ id: string; name: string; divisionCode: string | null }>> {
      return db
        .select({ id: organisation.id, name: organisation.name, divisionCode: organisation.divisionCode })
        .from(organisation)
        .where(eq(organisation.kind, 'district'));
    },
    async deleteValue(element: string, period: string, orgId: string): Promise<void> {
      await db
        .delete(dataValue)
        .where(and(eq(dataValue.dataElementCode, element), eq(dataValue.period, period), eq(dataValue.orgId, orgId)));
    },
    async insertValues(rows: Array<typeof dataValue.$inferInsert>): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) await db.insert(dataValue).values(rows.slice(i, i + 500));
    },
    async insertRegistrations(rows: Array<typeof dataRegistration.$inferInsert>): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) await db.insert(dataRegistration).values(rows.slice(i, i + 500));
    },
    async findRegistration(dataSetCode: string, period: string, orgId: string): Promise<RegistrationRow | null> {
      const [row] = await db
        .select()
        .from(dataRegistration)
        .where(and(eq(dataRegistration.dataSetCode, dataSetCode), eq(dataRegistration.period, period), eq(dataRegistration.orgId, orgId)));
      return row ?? null;
    },
    async findRegistrations(dataSetCode: string, periods: string[]): Promise<RegistrationRow[]> {
      if (periods.length === 0) return [];
      return db
        .select()
        .from(dataRegistration)
        .where(and(eq(dataRegistration.dataSetCode, dataSetCode), inArray(dataRegistration.period, periods)));
    },
    async saveRegistration(row: typeof dataRegistration.$inferInsert): Promise<void> {
      const { dataSetCode, period, orgId, ...rest } = row;
      await db
        .insert(dataRegistration)
        .values(row)
        .onConflictDoUpdate({ target: [dataRegistration.dataSetCode, dataRegistration.period, dataRegistration.orgId], set: rest });
    },
    async deleteRegistration(dataSetCode: string, period: string, orgId: string): Promise<void> {
      await db
        .delete(dataRegistration)
        .where(and(eq(dataRegistration.dataSetCode, dataSetCode), eq(dataRegistration.period, period), eq(dataRegistration.orgId, orgId)));
    },
    async findLockExceptions(dataSetCode: string, period: string, orgId: string): Promise<LockExceptionRow[]> {
      return db
        .select()
        .from(lockException)
        .where(and(eq(lockException.dataSetCode, dataSetCode), eq(lockException.period, period), eq(lockException.orgId, orgId)));
    },
    async findLockExceptionsOf(dataSetCode: string, periods: string[], orgIds: string[]): Promise<LockExceptionRow[]> {
      if (periods.length === 0 || orgIds.length === 0) return [];
      return db
        .select()
        .from(lockException)
        .where(
          and(eq(lockException.dataSetCode, dataSetCode), inArray(lockException.period, periods), inArray(lockException.orgId, orgIds)),
        );
    },
    async insertLockException(row: typeof lockException.$inferInsert): Promise<LockExceptionRow> {
      const [created] = await db.insert(lockException).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },
  };
}

export type ReportingRepo = ReturnType<typeof createReportingRepo>;
