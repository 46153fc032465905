import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeListKey } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { REFERENCE_DIR } from '../../platform/paths.js';
import { createCodeListRepo } from './codelist.repo.js';

interface SeedList {
  nameZh: string;
  nameEn: string;
  items: Array<{ code: string; nameZh: string; nameEn: string; attrs?: Record<string, unknown> }>;
}

/** The starting content of every code list, from reference/code-lists.json and reference/scenarios.csv. */
export function readSeedLists(dir = REFERENCE_DIR): Record<CodeListKey, SeedList> {
  const json = JSON.parse(readFileSync(join(dir, 'code-lists.json'), 'utf8')) as Record<
    string,
    { nameZh: string; nameEn: string; items: string[][] }
  >;
  const lists = {} as Record<CodeListKey, SeedList>;
  for (const [key, list] of Object.entries(json)) {
    lists[key as CodeListKey] = {
      nameZh: list.nameZh,
      nameEn: list.nameEn,
      items: list.items.map(([code, nameZh, nameEn]) => ({ code: code ?? '', nameZh: nameZh ?? '', nameEn: nameEn ?? '' })),
    };
  }
  const [header, ...rows] = readFileSync(join(dir, 'scenarios.csv'), 'utf8').trim().split(/\r?\n/);
  if (header?.trim() !== 'code,batch,name_zh,name_en,confirmed') throw new Error('scenarios.csv: unexpected header');
  lists.scenario = {
    nameZh: '5G+工业互联网典型应用场景',
    nameEn: 'Typical 5G + industrial internet scenarios',
    items: rows.map((line) => {
      const [code, batch, nameZh, nameEn, confirmed] = line.split(',').map((c) => c.trim());
      return {
        code: code ?? '',
        nameZh: nameZh ?? '',
        nameEn: nameEn ?? '',
        attrs: { batch: Number(batch), confirmed: confirmed === 'yes' },
      };
    }),
  };
  return lists;
}

/** Creates code lists that do not exist yet; never touches a list administrators may have edited. */
export async function seedCodeLists(tx: DbOrTx, now: Date): Promise<string[]> {
  const repo = createCodeListRepo(tx);
  const created: string[] = [];
  for (const [key, list] of Object.entries(readSeedLists())) {
    if (await repo.findList(key)) continue;
    await repo.insertList({ key, nameZh: list.nameZh, nameEn: list.nameEn, version: 1, updatedAt: now });
    await repo.insertItems(
      list.items.map((item, index) => ({
        listKey: key,
        code: item.code,
        nameZh: item.nameZh,
        nameEn: item.nameEn,
        sortOrder: index * 10,
        attrs: item.attrs ?? {},
        sinceVersion: 1,
      })),
    );
    created.push(key);
  }
  return created;
}
