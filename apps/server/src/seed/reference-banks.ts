import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbOrTx } from '../db/client.js';
import { createOrganisationRepo } from '../modules/organisations/index.js';
import { REFERENCE_DIR } from '../platform/paths.js';

export interface BankRow {
  nameZh: string;
  nameEn: string;
}

/** Reads reference/banks.csv: banks lending in Guangzhou, names only. */
export function readBanks(dir = REFERENCE_DIR): BankRow[] {
  const lines = readFileSync(join(dir, 'banks.csv'), 'utf8').trim().split(/\r?\n/);
  const [header, ...rows] = lines;
  if (header?.trim() !== 'name_zh,name_en') throw new Error('banks.csv: unexpected header');
  return rows.map((line, i) => {
    const [nameZh, nameEn] = line.split(',').map((cell) => cell.trim());
    if (!nameZh || !nameEn) throw new Error(`banks.csv line ${i + 2}: malformed`);
    return { nameZh, nameEn };
  });
}

/**
 * Makes sure the banks of banks.csv exist as bank organisations under the city (idempotent: matched
 * by name among banks). Returns the rows it created.
 */
export async function ensureReferenceBanks(tx: DbOrTx, cityId: string, now: Date) {
  const repo = createOrganisationRepo(tx);
  const existing = new Set((await repo.findBanks()).map((b) => b.name));
  const created = [];
  for (const bank of readBanks()) {
    if (existing.has(bank.nameZh)) continue;
    created.push(
      await repo.insert({
        kind: 'bank',
        parentId: cityId,
        districtId: null,
        name: bank.nameZh,
        nameEn: bank.nameEn,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  return created;
}
