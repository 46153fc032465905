import type { BatchResult, BatchRowResult } from '@suilian/contracts';
import { AppError } from './errors.js';

/**
 * Applies `act` to each row on its own (each call authorises and writes in its own transaction),
 * so one refused row does not undo the others: a refusal (AppError) becomes that row's result,
 * anything else is a fault and propagates.
 */
export async function runBatch<R extends { id: string }>(rows: readonly R[], act: (row: R) => Promise<unknown>): Promise<BatchResult> {
  const results: BatchRowResult[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    // The same record twice in one batch is done once; the repeat reports what the first did.
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    try {
      await act(row);
      results.push({ id: row.id, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        id: row.id,
        ok: false,
        error: { status: error.status, code: error.code, message: error.message, details: error.details },
      });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
