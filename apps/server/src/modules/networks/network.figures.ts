import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cutoverMonth, RECORDED_ELEMENTS, recordsInMonth } from './network.measures.js';

/**
 * The district form's figures the network records now give (issue #14 item 1): for a district and
 * a monthly period on or after the month the records took over (network.measures.ts), the count of
 * counted records in that month, by data element code (PRIVNET_NEW, EDGE_NODE_NEW). The reporting
 * module shows them instead of asking and refuses typed values for them. Other periods: absent.
 */
export async function recordedFigures(db: DbOrTx, districtId: string, period: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!/^\d{6}$/.test(period)) return out;
  for (const counter of Object.keys(RECORDED_ELEMENTS) as Array<keyof typeof RECORDED_ELEMENTS>) {
    const result = await db.execute<{ cutover: string | null; n: number }>(
      sql`SELECT ${cutoverMonth(counter, sql`${districtId}::uuid`)} AS cutover, (${recordsInMonth(counter, districtId, period)}) AS n`,
    );
    const row = result.rows[0];
    if (row?.cutover && period >= row.cutover) out.set(RECORDED_ELEMENTS[counter].element, Number(row.n));
  }
  return out;
}
