import { randomBytes } from 'node:crypto';
import {
  type CreateHandleRecord,
  type HandleBatchItemResult,
  type HandleBatchRequest,
  type HandleBatchResult,
  type HandleRecordDetail,
  HandleRecordDetailSchema,
  type HandleRecordListQuery,
  type HandleRecordSummary,
  HANDLE_RESPONSE_CODES as RC,
  type UpdateHandleRecord,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditRecord, AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, forbidden, notFound, refusal, staleVersion } from '../../platform/errors.js';
import { createHandleRepo, type NewRecord, type RecordRow } from './handle.repo.js';
import { type CounterRow, chinaDay } from './logic/counters.js';
import { asciiUpper, isSyntaxProblem, parseHandle } from './logic/syntax.js';
import { attributesOf, templateRefOf } from './logic/template.js';
import { sameRecord, toWire } from './logic/values.js';
import { handlePolicy, UNHEARD_PREFIX } from './prefix.policy.js';
import type { PrefixService } from './prefix.service.js';
import { type BuildContext, type Built, buildFromItem } from './record-builder.js';
import type { TemplateService } from './template.service.js';

export interface RecordServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  prefixes: PrefixService;
  templates: Pick<TemplateService, 'find'>;
  /** Drops the local cache entries at once (other instances hear the NOTIFY). */
  invalidate(keys: readonly string[]): void;
  mintSuffix?: () => string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 13 Crockford base-32 characters (65 random bits): no I/L/O/U to misread on a printed label. */
export function randomSuffix(): string {
  const bytes = randomBytes(13);
  let out = '';
  for (const b of bytes) out += CROCKFORD[b & 31];
  return out;
}

export type Write =
  | { kind: 'create'; built: Extract<Built, { ok: true }> }
  | { kind: 'update'; built: Extract<Built, { ok: true }>; before: RecordRow }
  | { kind: 'delete'; before: RecordRow };

/** Registration: single records, batches of up to 2,000, updates and deletes, all audited. */
export function createRecordService(deps: RecordServiceDeps) {
  const mint = deps.mintSuffix ?? randomSuffix;

  function context(actor: Actor | null): BuildContext {
    return {
      actor,
      now: deps.clock.now(),
      lookupPrefix: (p) => deps.prefixes.lookup(p),
      canAdminister: deps.prefixes.canAdminister,
      template: (prefix, code, version) => deps.templates.find(prefix, code, version),
      mintSuffix: mint,
    };
  }

  /** Writes changes with their audit entries, registration counts and invalidations in one transaction. */
  async function commit(actor: Actor, writes: readonly Write[], tx: DbOrTx): Promise<void> {
    const repo = createHandleRepo(tx);
    const now = deps.clock.now();
    const audits: AuditRecord[] = [];
    const registrations = new Map<string, CounterRow>();
    for (const w of writes) {
      if (w.kind === 'create') {
        const row = registrations.get(w.built.prefix.prefix) ?? {
          prefix: w.built.prefix.prefix,
          day: chinaDay(now),
          registrations: 0,
          resolutions: 0,
        };
        row.registrations++;
        registrations.set(row.prefix, row);
        audits.push({ action: 'handle.create', entityType: 'handle', entityId: w.built.parsed.handle, after: { values: w.built.values } });
      } else if (w.kind === 'update') {
        if (!(await repo.replaceValues(w.before.handleKey, w.built.values, now, w.before.version))) throw staleVersion('handle');
        audits.push({
          action: 'handle.update',
          entityType: 'handle',
          entityId: w.before.handle,
          before: { values: w.before.handleValues },
          after: { values: w.built.values },
        });
      } else {
        if (!(await repo.deleteRecord(w.before.handleKey, w.before.version))) throw staleVersion('handle');
        audits.push({
          action: 'handle.delete',
          entityType: 'handle',
          entityId: w.before.handle,
          before: { values: w.before.handleValues },
        });
      }
    }
    await repo.addStats([...registrations.values()]);
    await deps.audit.appendMany(tx, actor, audits);
    await repo.notify(writes.map((w) => (w.kind === 'delete' ? w.before.handleKey : w.built.parsed.key)));
  }

  function toNew(built: Extract<Built, { ok: true }>, now: Date): NewRecord {
    return {
      handleKey: built.parsed.key,
      handle: built.parsed.handle,
      prefix: built.prefix.prefix,
      handleValues: built.values,
      createdAt: now,
      updatedAt: now,
    };
  }

  /**
   * Registers items independently, each with its result. New handles are inserted in one statement;
   * an existing handle with identical content counts as success (a retried batch is safe).
   */
  async function registerItems(actor: Actor, built: readonly Built[]): Promise<HandleBatchItemResult[]> {
    const results: HandleBatchItemResult[] = built.map((b, position) =>
      b.ok
        ? { position, handle: b.parsed.handle, status: 'success', responseCode: RC.SUCCESS }
        : {
            position,
            handle: b.handle,
            status: b.status,
            responseCode: b.responseCode,
            message: b.message,
            ...(b.issues ? { issues: b.issues } : {}),
          },
    );
    const ok = built.flatMap((b, position) => (b.ok ? [{ b, position }] : []));
    if (ok.length === 0) return results;
    const now = deps.clock.now();
    const created: string[] = [];
    await deps.db.transaction(async (tx) => {
      const repo = createHandleRepo(tx);
      const existing = new Map(
        (await repo.findByKeys([...new Set(ok.map((x) => x.b.parsed.key))])).map((r) => [r.handleKey, r.handleValues]),
      );
      const fresh = new Map<string, { b: Extract<Built, { ok: true }>; position: number }>();
      for (const x of ok) {
        const before = existing.get(x.b.parsed.key) ?? fresh.get(x.b.parsed.key)?.b.values;
        if (before) markExisting(results[x.position] as HandleBatchItemResult, sameRecord(before, x.b.values));
        else fresh.set(x.b.parsed.key, x);
      }
      const inserted = await repo.insertMany([...fresh.values()].map((x) => toNew(x.b, now)));
      // Lost a race with another writer: compare with what it wrote.
      const raced = [...fresh.values()].filter((x) => !inserted.has(x.b.parsed.key));
      if (raced.length) {
        const now2 = new Map((await repo.findByKeys(raced.map((x) => x.b.parsed.key))).map((r) => [r.handleKey, r.handleValues]));
        for (const x of raced)
          markExisting(results[x.position] as HandleBatchItemResult, sameRecord(now2.get(x.b.parsed.key) ?? [], x.b.values));
      }
      const writes: Write[] = [...fresh.values()].filter((x) => inserted.has(x.b.parsed.key)).map((x) => ({ kind: 'create', built: x.b }));
      await commit(actor, writes, tx);
      for (const x of fresh.values()) if (inserted.has(x.b.parsed.key)) created.push(x.b.parsed.key);
    });
    deps.invalidate(created);
    return results;
  }

  function markExisting(result: HandleBatchItemResult, identical: boolean) {
    if (identical) {
      result.status = 'success';
      result.responseCode = RC.SUCCESS;
      result.unchanged = true;
    } else {
      result.status = 'already_exists';
      result.responseCode = RC.HANDLE_ALREADY_EXISTS;
      result.message = 'the handle exists with different values';
    }
  }

  function summary(row: RecordRow): HandleRecordSummary {
    const ref = templateRefOf(row.handleValues);
    const url = row.handleValues.find((v) => v.type.toUpperCase() === 'URL' && v.data.format === 'string');
    return {
      handle: row.handle,
      prefix: row.prefix,
      industryCode: ref?.industryCode ?? null,
      templateVersion: ref?.version ?? null,
      url: url && url.data.format === 'string' ? url.data.value : null,
      valueCount: row.handleValues.length,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** The record the actor may read: 403 without handle:read, 404 when unknown or out of reach. */
  async function readable(actor: Actor, handle: string): Promise<RecordRow> {
    handlePolicy.authorize(actor, 'read');
    await deps.prefixes.ensureLoaded();
    const parsed = parseHandle(handle);
    if (isSyntaxProblem(parsed)) throw notFound('handle');
    const row = await createHandleRepo(deps.db).findByKey(parsed.key);
    if (!row) throw notFound('handle');
    handlePolicy.authorize(actor, 'read', deps.prefixes.lookup(row.prefix) ?? UNHEARD_PREFIX);
    return row;
  }

  function detail(actor: Actor, row: RecordRow): HandleRecordDetail {
    const prefix = deps.prefixes.lookup(row.prefix);
    return HandleRecordDetailSchema.parse({
      ...summary(row),
      ownerOrgId: prefix?.ownerOrgId,
      ownerOrgName: prefix?.ownerOrgName,
      values: row.handleValues.map((v) => ({ ...toWire(v), permissions: v.permissions })),
      attributes: attributesOf(row.handleValues),
      version: row.version,
      canWrite: prefix ? deps.prefixes.canAdminister(actor, prefix) : false,
    });
  }

  function failure(b: Extract<Built, { ok: false }>): AppError {
    if (b.status === 'forbidden') return new AppError('FORBIDDEN', b.message, { responseCode: b.responseCode });
    return new AppError('VALIDATION_FAILED', b.message, { responseCode: b.responseCode, issues: b.issues ?? [] });
  }

  return {
    context,
    commit,
    registerItems,

    async batch(actor: Actor, request: HandleBatchRequest): Promise<HandleBatchResult> {
      handlePolicy.authorize(actor, 'write');
      await deps.prefixes.ensureLoaded();
      const ctx = context(actor);
      const memo = new Map<string, ReturnType<BuildContext['template']>>();
      const cachedCtx: BuildContext = {
        ...ctx,
        template: (prefix, code, version) => {
          const key = `${prefix}\u0000${code}\u0000${version ?? ''}`;
          let found = memo.get(key);
          if (!found) {
            found = ctx.template(prefix, code, version);
            memo.set(key, found);
          }
          return found;
        },
      };
      const built: Built[] = [];
      for (const item of request.items)
        built.push(await buildFromItem(cachedCtx, item, { prefix: request.prefix, industryCode: request.industryCode }));
      const results = await registerItems(actor, built);
      const succeeded = results.filter((r) => r.status === 'success').length;
      return { total: results.length, succeeded, failed: results.length - succeeded, results };
    },

    async create(actor: Actor, input: CreateHandleRecord): Promise<HandleRecordDetail> {
      handlePolicy.authorize(actor, 'write');
      await deps.prefixes.ensureLoaded();
      const { prefix, ...item } = input;
      const built = await buildFromItem(context(actor), item, { prefix });
      if (!built.ok) throw failure(built);
      const [result] = await registerItems(actor, [built]);
      if (result?.status === 'already_exists')
        throw new AppError('DUPLICATE', `${built.parsed.handle} already exists with different values`, {
          responseCode: RC.HANDLE_ALREADY_EXISTS,
        });
      return detail(actor, (await createHandleRepo(deps.db).findByKey(built.parsed.key)) as RecordRow);
    },

    async update(actor: Actor, handle: string, input: UpdateHandleRecord): Promise<HandleRecordDetail> {
      // Which prefixes the actor administers is the builder's check, item by item like a batch's.
      handlePolicy.authorize(actor, 'write');
      const before = await readable(actor, handle);
      const { version, ...item } = input;
      if (version !== before.version) throw staleVersion('handle');
      const built = await buildFromItem(context(actor), item, {}, before.handleValues, before.handle);
      if (!built.ok) throw failure(built);
      await deps.db.transaction((tx) => commit(actor, [{ kind: 'update', built, before }], tx));
      deps.invalidate([before.handleKey]);
      return detail(actor, (await createHandleRepo(deps.db).findByKey(before.handleKey)) as RecordRow);
    },

    async remove(actor: Actor, handle: string): Promise<void> {
      handlePolicy.authorize(actor, 'write');
      const before = await readable(actor, handle);
      // Readers of the record outside the admin group learn why (the record is not hidden from them).
      const prefix = deps.prefixes.lookup(before.prefix);
      if (!prefix || !handlePolicy.can(actor, 'write', prefix))
        throw refusal('FORBIDDEN', 'handle.not_prefix_admin', `you are not in the administrator group of ${before.prefix}`, {
          prefix: before.prefix,
        });
      await deps.db.transaction((tx) => commit(actor, [{ kind: 'delete', before }], tx));
      deps.invalidate([before.handleKey]);
    },

    async get(actor: Actor, handle: string): Promise<HandleRecordDetail> {
      return detail(actor, await readable(actor, handle));
    },

    async list(actor: Actor, query: HandleRecordListQuery): Promise<{ items: HandleRecordSummary[]; total: number }> {
      await deps.prefixes.ensureLoaded();
      let filter = deps.prefixes.visibleFilter(actor);
      if (query.prefix) {
        const row = deps.prefixes.lookup(query.prefix);
        if (!row || (filter !== null && !filter.includes(row.prefix))) return { items: [], total: 0 };
        filter = [row.prefix];
      }
      const page = await createHandleRepo(deps.db).listRecords(
        filter,
        query.q ? asciiUpper(query.q.trim()) : undefined,
        (query.page - 1) * query.pageSize,
        query.pageSize,
      );
      return { items: page.items.map(summary), total: page.total };
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
