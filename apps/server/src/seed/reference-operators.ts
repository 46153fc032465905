import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCreditCode } from '@suilian/contracts';
import type { DbOrTx } from '../db/client.js';
import { createOrganisationRepo } from '../modules/organisations/index.js';
import { REFERENCE_DIR } from '../platform/paths.js';

export interface OperatorRow {
  nameZh: string;
  nameEn: string;
  creditCode: string | null;
}

/** Reads reference/operators.csv: the Guangzhou branches of the four licensed telecom operators. */
export function readOperators(dir = REFERENCE_DIR): OperatorRow[] {
  const lines = readFileSync(join(dir, 'operators.csv'), 'utf8').trim().split(/\r?\n/);
  const [header, ...rows] = lines;
  if (header?.trim() !== 'name_zh,name_en,credit_code') throw new Error('operators.csv: unexpected header');
  return rows.map((line, i) => {
    const [nameZh, nameEn, creditCode] = line.split(',').map((cell) => cell.trim());
    if (!nameZh || !nameEn) throw new Error(`operators.csv line ${i + 2}: malformed`);
    // An empty code stays empty (to be filled from the official register); a filled one must pass GB 32100.
    if (creditCode && checkCreditCode(creditCode) !== null) throw new Error(`operators.csv line ${i + 2}: credit code fails GB 32100`);
    return { nameZh, nameEn, creditCode: creditCode || null };
  });
}

/**
 * Makes sure the operators of operators.csv exist as operator organisations under the city
 * (idempotent: matched by name among providers). Returns the rows it created.
 */
export async function ensureReferenceOperators(tx: DbOrTx, cityId: string, now: Date) {
  const repo = createOrganisationRepo(tx);
  const existing = new Set((await repo.findProviders()).map((p) => p.name));
  const created = [];
  for (const op of readOperators()) {
    if (existing.has(op.nameZh)) continue;
    created.push(
      await repo.insert({
        kind: 'provider',
        providerType: 'operator',
        parentId: cityId,
        districtId: null,
        name: op.nameZh,
        nameEn: op.nameEn,
        creditCode: op.creditCode,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  return created;
}
