import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { indicator } from '../../indicators/indicator.table.js';
import { dataElement, dataRegistration, dataSet, dataSetElement, dataValue, lockException, validationRule } from '../reporting.table.js';

/** Reporting configuration (报送配置): writes to the definitions and the counts that guard them. */
export function createConfigRepo(db: DbOrTx) {
  return {
    async listElements() {
      return db.select().from(dataElement).orderBy(asc(dataElement.code));
    },
    async findElement(code: string) {
      const [row] = await db.select().from(dataElement).where(eq(dataElement.code, code));
      return row ?? null;
    },
    async findElements(codes: string[]) {
      if (codes.length === 0) return [];
      return db.select().from(dataElement).where(inArray(dataElement.code, codes));
    },
    /** Stored values per element (only elements that have any). */
    async valueCounts(): Promise<Map<string, number>> {
      const rows = await db.select({ code: dataValue.dataElementCode, n: count() }).from(dataValue).groupBy(dataValue.dataElementCode);
      return new Map(rows.map((r) => [r.code, Number(r.n)]));
    },
    async valueCount(code: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(dataValue).where(eq(dataValue.dataElementCode, code));
      return Number(row?.n ?? 0);
    },
    async membership(): Promise<Array<{ dataSetCode: string; dataElementCode: string; section: string; position: number }>> {
      return db.select().from(dataSetElement).orderBy(asc(dataSetElement.dataSetCode), asc(dataSetElement.position));
    },
    /** Every indicator's formula and named counter (`last:BS5G_TOTAL`): what may read a data element. */
    async indicatorSources(): Promise<Array<{ code: string; formula: string | null; counter: string | null }>> {
      return db.select({ code: indicator.code, formula: indicator.formula, counter: indicator.counter }).from(indicator);
    },
    async insertElement(row: typeof dataElement.$inferInsert) {
      const inserted = await db.insert(dataElement).values(row).onConflictDoNothing().returning();
      return inserted[0] ?? null;
    },
    async updateElement(code: string, set: Partial<typeof dataElement.$inferInsert>) {
      await db.update(dataElement).set(set).where(eq(dataElement.code, code));
    },
    async deleteElement(code: string) {
      await db.delete(dataElement).where(eq(dataElement.code, code));
    },

    async findDataSet(code: string) {
      const [row] = await db.select().from(dataSet).where(eq(dataSet.code, code));
      return row ?? null;
    },
    async listDataSets() {
      return db.select().from(dataSet).orderBy(asc(dataSet.code));
    },
    async insertDataSet(row: typeof dataSet.$inferInsert) {
      const inserted = await db.insert(dataSet).values(row).onConflictDoNothing().returning();
      return inserted[0] ?? null;
    },
    async updateDataSet(code: string, set: Partial<typeof dataSet.$inferInsert>) {
      await db.update(dataSet).set(set).where(eq(dataSet.code, code));
    },
    async replaceSetElements(code: string, rows: Array<typeof dataSetElement.$inferInsert>) {
      await db.delete(dataSetElement).where(eq(dataSetElement.dataSetCode, code));
      if (rows.length > 0) await db.insert(dataSetElement).values(rows);
    },
    async deleteDataSet(code: string) {
      await db.delete(dataSetElement).where(eq(dataSetElement.dataSetCode, code));
      await db.delete(dataSet).where(eq(dataSet.code, code));
    },
    /** Forms in a workflow state and lock exceptions per data set: history that keeps a data set alive. */
    async formCounts(): Promise<Map<string, number>> {
      const registrations = await db
        .select({ code: dataRegistration.dataSetCode, n: count() })
        .from(dataRegistration)
        .groupBy(dataRegistration.dataSetCode);
      const exceptions = await db
        .select({ code: lockException.dataSetCode, n: count() })
        .from(lockException)
        .groupBy(lockException.dataSetCode);
      const counts = new Map<string, number>();
      for (const r of [...registrations, ...exceptions]) counts.set(r.code, (counts.get(r.code) ?? 0) + Number(r.n));
      return counts;
    },
    /** Districts × periods that hold values of the data set's elements (what deleting the set would orphan from its forms). */
    async formsWithValues(code: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(distinct (${dataValue.period}, ${dataValue.orgId}))` })
        .from(dataValue)
        .innerJoin(dataSetElement, eq(dataSetElement.dataElementCode, dataValue.dataElementCode))
        .where(eq(dataSetElement.dataSetCode, code));
      return Number(row?.n ?? 0);
    },

    async listRules(dataSetCode?: string) {
      return db
        .select()
        .from(validationRule)
        .where(dataSetCode ? eq(validationRule.dataSetCode, dataSetCode) : undefined)
        .orderBy(asc(validationRule.dataSetCode), asc(validationRule.code));
    },
    async findRule(code: string) {
      const [row] = await db.select().from(validationRule).where(eq(validationRule.code, code));
      return row ?? null;
    },
    async insertRule(row: typeof validationRule.$inferInsert) {
      const inserted = await db.insert(validationRule).values(row).onConflictDoNothing().returning();
      return inserted[0] ?? null;
    },
    async updateRule(code: string, set: Partial<typeof validationRule.$inferInsert>) {
      await db.update(validationRule).set(set).where(eq(validationRule.code, code));
    },
    async deleteRule(code: string) {
      await db.delete(validationRule).where(eq(validationRule.code, code));
    },
    /** Serialises configuration writes so concurrent edits cannot both pass the in-use checks. */
    async lockConfiguration() {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext('reporting.configuration'))`);
    },
    async ruleCounts(): Promise<Map<string, number>> {
      const rows = await db
        .select({ code: validationRule.dataSetCode, n: count() })
        .from(validationRule)
        .groupBy(validationRule.dataSetCode);
      return new Map(rows.map((r) => [r.code, Number(r.n)]));
    },
    async rulesOfSets(codes: string[]) {
      if (codes.length === 0) return [];
      return db
        .select()
        .from(validationRule)
        .where(and(inArray(validationRule.dataSetCode, codes)));
    },
  };
}

export type ConfigRepo = ReturnType<typeof createConfigRepo>;
