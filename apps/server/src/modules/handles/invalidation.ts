import pg from 'pg';
import { INVALIDATION_CHANNEL } from './handle.repo.js';

export interface InvalidationListenerDeps {
  connection: pg.ClientConfig;
  onPayload(payload: string): void;
  /** Called after (re)connecting: notifications sent while disconnected are lost, so caches must be dropped. */
  onReconnect(): void;
  log: { warn(obj: object, msg: string): void };
}

/**
 * A dedicated PostgreSQL connection LISTENing for cache invalidations from every instance. A pooled
 * connection cannot hold a LISTEN; on any error the client is dropped and reconnected with back-off.
 */
export function createInvalidationListener(deps: InvalidationListenerDeps) {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;
  let ready: Promise<void> | null = null;

  async function connect(): Promise<void> {
    const c = new pg.Client({ ...deps.connection, application_name: 'suilian-handles-listen' });
    c.on('notification', (msg) => {
      if (msg.channel === INVALIDATION_CHANNEL && msg.payload) deps.onPayload(msg.payload);
    });
    c.on('error', (err) => {
      deps.log.warn({ err }, 'handle invalidation listener lost its connection; reconnecting');
      drop(c);
      schedule();
    });
    c.on('end', () => {
      if (client === c && !stopped) {
        drop(c);
        schedule();
      }
    });
    await c.connect();
    await c.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    retryMs = 500;
    deps.onReconnect();
  }

  function drop(c: pg.Client) {
    if (client === c) client = null;
    c.removeAllListeners('notification');
    void c.end().catch(() => undefined);
  }

  function schedule() {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().catch((err) => {
        deps.log.warn({ err }, 'handle invalidation listener could not reconnect');
        retryMs = Math.min(retryMs * 2, 30_000);
        schedule();
      });
    }, retryMs);
    timer.unref();
  }

  return {
    /** Connects and LISTENs; resolves once listening (the first attempt's failure is reported, then retried). */
    start(): Promise<void> {
      ready ??= connect().catch((err) => {
        deps.log.warn({ err }, 'handle invalidation listener could not connect; retrying');
        schedule();
      });
      return ready;
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
    /** For tests: kill the connection as a network failure would. */
    async simulateFailure(): Promise<void> {
      const c = client;
      if (c) c.emit('error', new Error('simulated connection loss'));
    },
    get listening(): boolean {
      return client !== null;
    },
  };
}

export type InvalidationListener = ReturnType<typeof createInvalidationListener>;
