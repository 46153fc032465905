import { type HandleList, type PrefixList, HANDLE_RESPONSE_CODES as RC } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { createHandleRepo, type RecordRow } from './handle.repo.js';
import { isIdentityRecord } from './identity.service.js';
import { HandleFailure } from './logic/codes.js';
import { namedValues, readPutValues } from './logic/put-body.js';
import { redirectableUrl } from './logic/redirect.js';
import { asciiUpper, isSyntaxProblem, parseHandle } from './logic/syntax.js';
import { canAdminRead, canPublicRead, matchesFilter, type StoredValue, toWire } from './logic/values.js';
import { prefixPolicy } from './prefix.policy.js';
import type { PrefixService } from './prefix.service.js';
import type { RecordService, Write } from './record.service.js';
import { buildFromValues } from './record-builder.js';
import { type CachedRecord, publicCacheControl, type Resolver } from './resolver.js';

export interface HandleApiDeps {
  db: Db;
  prefixes: PrefixService;
  records: RecordService;
  resolver: Resolver;
  invalidate(keys: readonly string[]): void;
}

export interface ResolveOptions {
  indexes: number[];
  types: string[];
  /** Default true for anonymous callers, false for authenticated ones (manual §14). */
  publicOnly: boolean | undefined;
}

/** An answer of the Handle-compatible API: HTTP status and the JSON body (pre-serialised when cached). */
export interface HandleAnswer {
  status: number;
  body: Buffer | string | object;
  /** Anonymous resolutions only: shared caches may keep them (ETag, Cache-Control from the TTLs). */
  cache?: { etag?: string; cacheControl: string };
}

/** The Handle.Net v9 REST semantics over the platform's records (resolution, PUT, DELETE, lists). */
export function createHandleApi(deps: HandleApiDeps) {
  function target(handle: string) {
    const parsed = parseHandle(handle);
    if (isSyntaxProblem(parsed)) throw new HandleFailure(RC.INVALID_HANDLE, parsed.message, handle);
    const prefix = deps.prefixes.lookup(parsed.prefix);
    if (!prefix || prefix.status !== 'active')
      throw new HandleFailure(RC.SERVER_NOT_RESP, `this server is not responsible for prefix ${parsed.prefix}`, handle);
    return { parsed, prefix };
  }

  /** Values the caller may see: public-read ones, plus admin-read ones for the prefix's administrators and city readers. */
  function visibleValues(actor: Actor | null, entry: CachedRecord, publicOnly: boolean): StoredValue[] {
    const record = entry.record as RecordRow;
    if (publicOnly) return entry.publicValues;
    const prefix = deps.prefixes.lookup(record.prefix);
    const admin =
      actor !== null &&
      prefix !== undefined &&
      (prefixPolicy.can(actor, 'write', prefix) || prefixPolicy.can(actor, 'readAdminValues', prefix));
    return record.handleValues.filter((v) => canPublicRead(v.permissions) || (admin && canAdminRead(v.permissions)));
  }

  return {
    /**
     * The anonymous, unfiltered resolution of a cached handle, synchronously: the pre-serialised
     * body, or undefined whenever anything else applies (not cached, not served, another spelling,
     * no public values…) and `resolve` must answer.
     */
    cachedPublic(handle: string): CachedRecord | undefined {
      if (deps.prefixes.ensureLoaded()) return undefined;
      const parsed = parseHandle(handle);
      if (isSyntaxProblem(parsed)) return undefined;
      const prefix = deps.prefixes.lookup(parsed.prefix);
      if (!prefix || prefix.status !== 'active') return undefined;
      const entry = deps.resolver.peek(parsed.key);
      if (!entry?.record || handle !== entry.record.handle || entry.publicValues.length === 0) return undefined;
      deps.resolver.countResolution(prefix.prefix);
      deps.resolver.publicBody(entry);
      return entry;
    },

    /** GET /api/handles/{handle}: the record's values, filtered; response codes 1, 100, 102, 200, 301, 402. */
    async resolve(actor: Actor | null, handle: string, options: ResolveOptions): Promise<HandleAnswer> {
      const loading = deps.prefixes.ensureLoaded();
      if (loading) await loading;
      const { parsed, prefix } = target(handle);
      const publicOnly = options.publicOnly ?? actor === null;
      if (!publicOnly && !actor) throw new HandleFailure(RC.AUTHEN_NEEDED, 'publicOnly=false needs authentication', handle);
      const got = deps.resolver.get(parsed.key);
      const entry = got instanceof Promise ? await got : got;
      if (!entry.record) throw new HandleFailure(RC.HANDLE_NOT_FOUND, 'handle not found', handle);
      deps.resolver.countResolution(prefix.prefix);
      const unfiltered = options.indexes.length === 0 && options.types.length === 0;
      if (publicOnly && unfiltered && handle === entry.record.handle && entry.publicValues.length) {
        const body = deps.resolver.publicBody(entry);
        return { status: 200, body, cache: { etag: entry.publicEtag, cacheControl: entry.publicCacheControl ?? 'no-cache' } };
      }
      const values = visibleValues(actor, entry, publicOnly).filter((v) => matchesFilter(v, options.indexes, options.types));
      const cache = actor === null ? { cacheControl: publicCacheControl(entry.publicValues) } : undefined;
      // PYHANDLE (and the manual's examples) read `values` on code 200 too: an empty list, not none.
      if (values.length === 0) return { status: 200, body: { responseCode: RC.VALUES_NOT_FOUND, handle, values: [] }, cache };
      return { status: 200, body: { responseCode: RC.SUCCESS, handle, values: values.map(toWire) }, cache };
    },

    /** The first public URL value (lowest index) for `?redirect`. */
    async redirectTarget(handle: string): Promise<string> {
      await deps.prefixes.ensureLoaded();
      const { parsed, prefix } = target(handle);
      const got = deps.resolver.get(parsed.key);
      const entry = got instanceof Promise ? await got : got;
      if (!entry.record) throw new HandleFailure(RC.HANDLE_NOT_FOUND, 'handle not found', handle);
      deps.resolver.countResolution(prefix.prefix);
      // Only http(s) (logic/redirect.ts): a javascript: or data: value is skipped, never followed.
      const urls = entry.publicValues.filter((v) => asciiUpper(v.type) === 'URL').sort((a, b) => a.index - b.index);
      const location = urls.map((v) => (v.data.format === 'string' ? redirectableUrl(v.data.value) : null)).find((u) => u !== null);
      if (location) return location;
      throw new HandleFailure(
        RC.VALUES_NOT_FOUND,
        urls.length > 0
          ? 'the handle has no public http(s) URL value: ?redirect goes to http and https URLs only'
          : 'the handle has no public URL value',
        handle,
      );
    },

    /**
     * PUT /api/handles/{handle}: create or replace the record; with `index=` add or replace only
     * those values; `overwrite=false` refuses existing handles (101) or values (201);
     * `mintNewSuffix=true` appends a generated suffix to the given handle.
     */
    async put(
      actor: Actor | null,
      rawHandle: string,
      query: { overwrite: boolean; mintNewSuffix: boolean; indexes: number[]; various?: boolean },
      body: unknown,
    ): Promise<HandleAnswer> {
      await deps.prefixes.ensureLoaded();
      let handle = rawHandle;
      if (query.mintNewSuffix) {
        const slash = rawHandle.indexOf('/');
        handle = slash < 0 ? `${rawHandle}/` : rawHandle;
        handle += deps.records.context(actor).mintSuffix();
      }
      if (!actor) {
        target(handle);
        throw new HandleFailure(RC.AUTHEN_NEEDED, 'authentication needed: Bearer token or Basic 300%3A<prefix>/<token name>', handle);
      }
      const inputs = readPutValues(handle, body);
      const { parsed } = target(handle);
      const before = await createHandleRepo(deps.db).findByKey(parsed.key);
      if (before && isIdentityRecord(before.handleValues))
        throw new HandleFailure(RC.INSUFFICIENT_PERMISSIONS, 'this handle is an API identity: it changes with its token only', handle);
      let wanted = inputs;
      const indexes = query.various ? inputs.map((v) => v.index) : query.indexes;
      if (indexes.length) {
        if (!before)
          throw new HandleFailure(RC.HANDLE_NOT_FOUND, 'handle not found: values can only be added to an existing handle', handle);
        wanted = namedValues(handle, inputs, indexes);
        const clash = wanted.find((v) => before.handleValues.some((x) => x.index === v.index));
        if (!query.overwrite && clash) throw new HandleFailure(RC.VALUE_ALREADY_EXISTS, `value ${clash.index} already exists`, handle);
        wanted = [...before.handleValues.filter((x) => !indexes.includes(x.index)), ...wanted];
      } else if (before && !query.overwrite) {
        throw new HandleFailure(RC.HANDLE_ALREADY_EXISTS, 'handle already exists', handle);
      }
      const built = await buildFromValues(deps.records.context(actor), handle, wanted, before?.handleValues ?? []);
      if (!built.ok) throw new HandleFailure(built.responseCode, built.message, handle, built.issues);
      if (before && indexes.length === 0 && query.mintNewSuffix)
        throw new HandleFailure(RC.HANDLE_ALREADY_EXISTS, 'minted handle already exists; retry', handle);
      const write: Write = before ? { kind: 'update', built, before } : { kind: 'create', built };
      if (write.kind === 'create') {
        const [result] = await deps.records.registerItems(actor, [built]);
        if (result?.status === 'already_exists') throw new HandleFailure(RC.HANDLE_ALREADY_EXISTS, 'handle already exists', handle);
        return { status: 201, body: { responseCode: RC.SUCCESS, handle: built.parsed.handle } };
      }
      await deps.db.transaction((tx) => deps.records.commit(actor, [write], tx));
      deps.invalidate([parsed.key]);
      return { status: 200, body: { responseCode: RC.SUCCESS, handle: built.parsed.handle } };
    },

    /** DELETE /api/handles/{handle}[?index=…]: the whole handle, or only the named values. */
    async remove(actor: Actor | null, handle: string, indexes: number[]): Promise<HandleAnswer> {
      await deps.prefixes.ensureLoaded();
      const { parsed, prefix } = target(handle);
      if (!actor) throw new HandleFailure(RC.AUTHEN_NEEDED, 'authentication needed', handle);
      if (!prefixPolicy.can(actor, 'write', prefix))
        throw new HandleFailure(RC.INSUFFICIENT_PERMISSIONS, `not in the administrator group of ${prefix.prefix}`, handle);
      const before = await createHandleRepo(deps.db).findByKey(parsed.key);
      if (!before) throw new HandleFailure(RC.HANDLE_NOT_FOUND, 'handle not found', handle);
      if (isIdentityRecord(before.handleValues))
        throw new HandleFailure(RC.INSUFFICIENT_PERMISSIONS, 'this handle is an API identity: revoke its token instead', handle);
      let write: Write;
      if (indexes.length) {
        const kept = before.handleValues.filter((v) => !indexes.includes(v.index));
        if (kept.length === before.handleValues.length)
          throw new HandleFailure(RC.VALUES_NOT_FOUND, 'none of the values named by index= exist', handle);
        const built = await buildFromValues(deps.records.context(actor), before.handle, kept, before.handleValues);
        if (!built.ok) throw new HandleFailure(built.responseCode, built.message, handle, built.issues);
        write = { kind: 'update', built, before };
      } else write = { kind: 'delete', before };
      await deps.db.transaction((tx) => deps.records.commit(actor, [write], tx));
      deps.invalidate([parsed.key]);
      return { status: 200, body: { responseCode: RC.SUCCESS, handle: before.handle } };
    },

    /** GET /api/handles?prefix=: handles of a prefix, for its administrators (and city readers). */
    async list(actor: Actor | null, prefixText: string, page: number | undefined, pageSize: number | undefined): Promise<HandleList> {
      await deps.prefixes.ensureLoaded();
      const prefix = deps.prefixes.lookup(prefixText);
      if (!prefix) throw new HandleFailure(RC.SERVER_NOT_RESP, `this server is not responsible for prefix ${prefixText}`);
      if (!actor) throw new HandleFailure(RC.AUTHEN_NEEDED, 'listing handles needs authentication');
      if (!prefixPolicy.can(actor, 'read', prefix))
        throw new HandleFailure(RC.INSUFFICIENT_PERMISSIONS, `not allowed to list ${prefix.prefix}`);
      const size = Math.min(pageSize ?? 10_000, 10_000);
      const index = page ?? 0;
      const { total, handles } = await createHandleRepo(deps.db).listHandles(prefix.prefix, index * size, size);
      return {
        responseCode: 1,
        prefix: prefix.prefix,
        totalCount: String(total),
        ...(page !== undefined ? { page: index } : {}),
        ...(pageSize !== undefined ? { pageSize: size } : {}),
        handles,
      };
    },

    /** GET /api/prefixes: the active prefixes served here (served and delegated). */
    async prefixes(page: number | undefined, pageSize: number | undefined): Promise<PrefixList> {
      await deps.prefixes.ensureLoaded();
      const all = deps.prefixes
        .all()
        .filter((p) => p.status === 'active')
        .map((p) => p.prefix)
        .sort();
      const size = pageSize ?? all.length;
      const index = page ?? 0;
      return {
        responseCode: 1,
        totalCount: String(all.length),
        ...(page !== undefined ? { page: index } : {}),
        ...(pageSize !== undefined ? { pageSize: size } : {}),
        prefixes: size > 0 ? all.slice(index * size, index * size + size) : [],
      };
    },
  };
}

export type HandleApi = ReturnType<typeof createHandleApi>;
