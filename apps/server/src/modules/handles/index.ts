import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { createBatchUpload } from './batch-upload.js';
import { registerHandleRoutes } from './handle.routes.js';
import { createHandleApi } from './handle-api.service.js';
import { registerIdentifierRoutes } from './identifier.routes.js';
import { createIdentityService } from './identity.service.js';
import { createInvalidationListener } from './invalidation.js';
import { WindowLimiter } from './logic/rate-limit.js';
import { createLookupService } from './lookup.service.js';
import { createPrefixService, PREFIXES_CHANGED } from './prefix.service.js';
import { createRecordService } from './record.service.js';
import { createResolver } from './resolver.js';
import { createTemplateService } from './template.service.js';

export { handleMeasures } from './handle.measures.js';
export { answerBadUrl } from './handle.routes.js';
export { loadHandleDemo } from './handles.seed.js';
export type { IdentityService } from './identity.service.js';
export { buildSite, createHandleNative, HANDLE_SITE_DESCRIPTION, type HandleNative } from './native/index.js';
export { createPlatformHandles, type PlatformHandles, type PlatformHandleValue } from './platform-handles.js';
export type { PrefixService } from './prefix.service.js';

export interface HandlesModuleDeps {
  db: Db;
  /** The pool's connection settings are reused for the dedicated LISTEN connection. */
  pool: pg.Pool;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  log: FastifyBaseLogger;
  servedPrefixes: readonly string[];
  resolveRatePerMinute: number;
  statsFlushMs: number;
  cacheEntries?: number;
  authenticateHandleIdentity(
    identity: { index: number; handle: string; secret: string },
    meta: { requestId: string; clientIp: string },
  ): Promise<Actor | null>;
}

/**
 * Industrial identifiers (标识解析, issue #6): Handle-compatible registration and resolution with an
 * in-process cache kept coherent across instances by LISTEN/NOTIFY, and daily statistics.
 */
export function createHandlesModule(deps: HandlesModuleDeps) {
  const resolver = createResolver({
    db: deps.db,
    clock: deps.clock,
    ...(deps.cacheEntries !== undefined ? { cacheEntries: deps.cacheEntries } : {}),
  });
  const invalidate = (keys: readonly string[]) => resolver.invalidate(keys);
  const prefixes = createPrefixService({ db: deps.db, clock: deps.clock, audit: deps.audit, servedPrefixes: deps.servedPrefixes });
  const templates = createTemplateService({ db: deps.db, clock: deps.clock, audit: deps.audit, prefixes });
  const records = createRecordService({ db: deps.db, clock: deps.clock, audit: deps.audit, prefixes, templates, invalidate });
  const lookup = createLookupService({ db: deps.db, prefixes, resolver });
  const api = createHandleApi({ db: deps.db, prefixes, records, resolver, invalidate });
  const identities = createIdentityService({ clock: deps.clock, prefixes, invalidate });
  const upload = createBatchUpload({ prefixes, templates, records });
  const limiter = new WindowLimiter(deps.resolveRatePerMinute, () => deps.clock.now().getTime());
  const listener = createInvalidationListener({
    connection: (deps.pool as unknown as { options: pg.ClientConfig }).options,
    onPayload: (payload) => {
      const keys = payload.split('\n');
      if (keys.includes(PREFIXES_CHANGED)) void prefixes.reload().catch((err) => deps.log.warn({ err }, 'prefix reload failed'));
      resolver.invalidate(keys.filter((k) => k !== PREFIXES_CHANGED));
    },
    onReconnect: () => {
      resolver.clear();
      void prefixes.reload().catch((err) => deps.log.warn({ err }, 'prefix reload failed'));
    },
    log: deps.log,
  });
  let flusher: NodeJS.Timeout | undefined;
  const flush = () => resolver.flush().catch((err) => deps.log.warn({ err }, 'handle statistics flush failed; kept for the next run'));

  return {
    service: { prefixes, templates, records, lookup, api, resolver, listener, identities },
    /** Served prefixes, the invalidation listener and the statistics flusher. */
    async start(): Promise<void> {
      await prefixes.ensureServed();
      await listener.start();
      if (deps.statsFlushMs > 0) {
        flusher = setInterval(() => void flush(), deps.statsFlushMs);
        flusher.unref();
      }
    },
    async stop(): Promise<void> {
      clearInterval(flusher);
      await flush();
      await listener.stop();
    },
    registerRoutes(app: FastifyInstance) {
      registerHandleRoutes(app, { api, lookup, limiter, authenticateHandleIdentity: deps.authenticateHandleIdentity });
      registerIdentifierRoutes(app, { prefixes, templates, records, lookup, upload });
    },
  };
}

export type HandlesModule = ReturnType<typeof createHandlesModule>;
