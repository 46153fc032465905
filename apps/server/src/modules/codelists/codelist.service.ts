import type { CodeItem, CodeList, CodeListKey, UpsertCodeItem } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound, refusal } from '../../platform/errors.js';
import { codeListPolicy } from './codelist.policy.js';
import { type CodeItemRow, type CodeListRow, createCodeListRepo } from './codelist.repo.js';

export interface CodeListServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

/** Versioned code lists: read by everyone, edited by holders of codelist:write, checked by other modules. */
export function createCodeListService(deps: CodeListServiceDeps) {
  const repo = createCodeListRepo(deps.db);

  async function change(
    actor: Actor,
    key: CodeListKey,
    code: string,
    action: string,
    apply: (tx: DbOrTx, version: number, current: CodeItemRow | null) => Promise<CodeItemRow | null>,
  ) {
    codeListPolicy.authorize(actor, 'write');
    return deps.db.transaction(async (tx) => {
      const r = createCodeListRepo(tx);
      if (!(await r.findList(key))) throw notFound('code list');
      const current = await r.findItem(key, code);
      const version = await r.bumpVersion(key, deps.clock.now());
      const updated = await apply(tx, version, current);
      if (!updated) throw notFound('code');
      const after = toItem(updated);
      await deps.audit.append(tx, actor, {
        action,
        entityType: 'code_item',
        entityId: `${key}:${code}`,
        before: current && toItem(current),
        after,
      });
      return after;
    });
  }

  return {
    async lists(): Promise<Array<Omit<CodeList, 'items'>>> {
      return (await repo.findLists()).map((l) => ({ key: l.key as CodeListKey, nameZh: l.nameZh, nameEn: l.nameEn, version: l.version }));
    },

    async get(key: CodeListKey, options: { includeRetired?: boolean } = {}): Promise<CodeList> {
      const list = await repo.findList(key);
      if (!list) throw notFound('code list');
      const items = (await repo.findItems(key)).filter((i) => options.includeRetired || i.active);
      return toList(list, items);
    },

    /** Adds an item or renames an existing one (a retired item comes back to life). */
    async upsertItem(actor: Actor, key: CodeListKey, code: string, input: UpsertCodeItem): Promise<CodeItem> {
      return change(actor, key, code, 'code_item.upsert', async (tx, version, current) => {
        const r = createCodeListRepo(tx);
        if (!current) {
          await r.insertItems([
            {
              listKey: key,
              code,
              nameZh: input.nameZh,
              nameEn: input.nameEn,
              sortOrder: input.sortOrder ?? 1000,
              attrs: input.attrs ?? {},
              sinceVersion: version,
            },
          ]);
          return r.findItem(key, code);
        }
        return r.updateItem(key, code, {
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          sortOrder: input.sortOrder ?? current.sortOrder,
          attrs: input.attrs ?? current.attrs,
          active: true,
          retiredVersion: null,
        });
      });
    },

    async retireItem(actor: Actor, key: CodeListKey, code: string): Promise<CodeItem> {
      return change(actor, key, code, 'code_item.retire', async (tx, version, current) => {
        if (!current) return null;
        if (!current.active) throw refusal('CONFLICT', 'codelist.already_retired', 'this code is already retired');
        return createCodeListRepo(tx).updateItem(key, code, { active: false, retiredVersion: version });
      });
    },

    /**
     * For other modules: throws a 422 naming `field` unless `code` is an active item of the list.
     * Retired codes stay valid on records that already carry them (`allow`).
     */
    async assertActive(key: CodeListKey, code: string, field: string, allow?: string | null, db: DbOrTx = deps.db): Promise<void> {
      if (allow !== undefined && allow === code) return;
      const item = await createCodeListRepo(db).findItem(key, code);
      if (!item || !item.active)
        throw fieldError('VALIDATION_FAILED', field, 'code_list', `${code} is not an active value of the ${key} code list`);
    },

    /** Active items of a list, for imports and templates that check many rows at once. */
    async activeCodes(key: CodeListKey, db: DbOrTx = deps.db): Promise<Map<string, CodeItemRow>> {
      const items = await createCodeListRepo(db).findItems(key);
      return new Map(items.filter((i) => i.active).map((i) => [i.code, i]));
    },
  };
}

export type CodeListService = ReturnType<typeof createCodeListService>;

function toItem(row: CodeItemRow): CodeItem {
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    sortOrder: row.sortOrder,
    attrs: row.attrs,
    active: row.active,
    sinceVersion: row.sinceVersion,
    retiredVersion: row.retiredVersion,
  };
}

function toList(list: CodeListRow, items: CodeItemRow[]): CodeList {
  return { key: list.key as CodeListKey, nameZh: list.nameZh, nameEn: list.nameEn, version: list.version, items: items.map(toItem) };
}
