import { Counter, type Registry } from 'prom-client';
import { WindowLimiter } from '../logic/rate-limit.js';
import type { PrefixService } from '../prefix.service.js';
import type { Resolver } from '../resolver.js';
import { createNativeServer, type NativeAddress, type NativeOutcome } from './native-server.js';
import { RC } from './protocol.js';
import { createResponder } from './responder.js';
import { buildSite, type SiteSettings } from './site-info.js';

export type { NativeAddress } from './native-server.js';
export { buildSite, HANDLE_SITE_DESCRIPTION, type SiteSettings } from './site-info.js';

export interface HandleNativeDeps {
  resolver: Resolver;
  prefixes: Pick<PrefixService, 'ensureLoaded' | 'lookup'>;
  site: SiteSettings;
  resolveRatePerMinute: number;
  now(): number;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; debug(obj: object, msg: string): void };
  /** The /metrics registry: counters `suilian_handle_native_messages_total{transport,outcome,rc}`. */
  registry?: Registry | undefined;
}

/**
 * The native Handle protocol (RFC 3652) beside the REST API (issue #13 item 2, ADR 0015): anonymous
 * OC_RESOLUTION over UDP and TCP from the same records and cache, HS_SITE for `0.NA/<prefix>`.
 * Created with the app; listening is started by the caller (main.ts with HANDLE_NATIVE_PORT, tests
 * and benches on a free port).
 */
export function createHandleNative(deps: HandleNativeDeps) {
  const site = buildSite(deps.site, new Date(deps.now()));
  const counts = new Map<string, number>();
  const metric = deps.registry
    ? new Counter({
        name: 'suilian_handle_native_messages_total',
        help: 'Native Handle protocol messages by transport, outcome and response code',
        labelNames: ['transport', 'outcome', 'rc'],
        registers: [deps.registry],
      })
    : undefined;
  const count = (transport: 'udp' | 'tcp', outcome: NativeOutcome, rc?: number) => {
    const key = `${transport}:${outcome}${rc === undefined ? '' : `:${rc}`}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    metric?.inc({ transport, outcome, rc: rc === undefined ? '' : String(rc) });
    // Per message at debug only: a flood of garbage must not become a flood of log lines (the counters tell).
    if (outcome === 'malformed' || rc === RC.PROTOCOL_ERROR) deps.log.debug({ transport, outcome, rc }, 'malformed native Handle message');
  };
  const responder = createResponder({
    resolver: deps.resolver,
    prefixes: deps.prefixes,
    site,
    limiter: new WindowLimiter(deps.resolveRatePerMinute, deps.now),
    maxPending: 2000,
    now: deps.now,
  });
  const server = createNativeServer({ responder, log: deps.log, count });
  let address: NativeAddress | null = null;

  return {
    site,
    /** Listens on the port (0: a free one) and returns where. */
    async listen(options: { port: number; host: string }): Promise<NativeAddress> {
      address = await server.listen(options);
      return address;
    },

    /**
     * main.ts: listens on HANDLE_NATIVE_PORT unless it is 0 (off); when the port cannot be bound
     * (taken, privileged) the server logs it and carries on without the native listener.
     */
    async start(options: { port: number; host: string }): Promise<NativeAddress | null> {
      if (options.port === 0) {
        deps.log.info({}, 'native Handle protocol off (HANDLE_NATIVE_PORT=0)');
        return null;
      }
      try {
        const at = await this.listen(options);
        deps.log.info({ ...at, siteSerial: site.serial }, 'native Handle protocol listening (UDP and TCP)');
        return at;
      } catch (err) {
        deps.log.warn({ err, port: options.port }, 'native Handle protocol could not bind its port: continuing without it');
        return null;
      }
    },

    close: () => server.close(),

    get address(): NativeAddress | null {
      return address;
    },

    /** Messages by `transport:outcome[:rc]` since start (tests read it; /metrics has the same). */
    counts(): Record<string, number> {
      return Object.fromEntries(counts);
    },
  };
}

export type HandleNative = ReturnType<typeof createHandleNative>;
