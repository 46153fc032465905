import pg from 'pg';

export interface ChannelListenerOptions {
  /** The pool's connection settings, reused for the dedicated LISTEN connection. */
  connection: pg.ClientConfig;
  /** The NOTIFY channel (a plain identifier: it is written into the LISTEN statement). */
  channel: string;
  /** Shown in pg_stat_activity, so an operator can tell the listeners apart. */
  applicationName: string;
  onPayload(payload: string): void;
  /**
   * After every (re)connection: notifications sent while nobody listened are lost, so whatever
   * they keep fresh must be dropped here before it is trusted again.
   */
  onConnected(): void;
  /** When the connection is lost or closed: stop trusting whatever the notifications keep fresh. */
  onDisconnected?(): void;
  log: { warn(obj: object, msg: string): void };
}

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 30_000;
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A dedicated PostgreSQL connection LISTENing on one channel (a pooled connection cannot hold a
 * LISTEN). On any error the client is dropped and reconnected with doubling back-off; `connected`
 * tells whether notifications are being heard right now, so a cache is only trusted while it is true.
 */
export function createChannelListener(options: ChannelListenerOptions) {
  if (!CHANNEL_NAME.test(options.channel)) throw new Error(`not a channel name: ${options.channel}`);
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | undefined;
  let ready: Promise<void> | null = null;

  async function connect(): Promise<void> {
    const c = new pg.Client({ ...options.connection, application_name: options.applicationName });
    c.on('notification', (msg) => {
      if (msg.channel === options.channel && msg.payload) options.onPayload(msg.payload);
    });
    c.on('error', (err) => {
      options.log.warn({ err, channel: options.channel }, 'listener lost its connection; reconnecting');
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
    await c.query(`LISTEN ${options.channel}`);
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    retryMs = FIRST_RETRY_MS;
    options.onConnected();
  }

  function drop(c: pg.Client) {
    if (client === c) client = null;
    options.onDisconnected?.();
    c.removeAllListeners('notification');
    void c.end().catch(() => undefined);
  }

  function schedule() {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().catch((err) => {
        options.log.warn({ err, channel: options.channel }, 'listener could not reconnect');
        retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
        schedule();
      });
    }, retryMs);
    timer.unref();
  }

  return {
    /** Connects and LISTENs; resolves once listening (a failed first attempt is reported, then retried). */
    start(): Promise<void> {
      ready ??= connect().catch((err) => {
        options.log.warn({ err, channel: options.channel }, 'listener could not connect; retrying');
        schedule();
      });
      return ready;
    },
    /** Stops listening for good. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      options.onDisconnected?.();
      if (c) await c.end().catch(() => undefined);
    },
    /** For tests: kill the connection as a network failure would. */
    simulateFailure(): void {
      client?.emit('error', new Error('simulated connection loss'));
    },
    /** Whether notifications are being heard now. */
    get connected(): boolean {
      return client !== null;
    },
  };
}

export type ChannelListener = ReturnType<typeof createChannelListener>;
