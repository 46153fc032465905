import type pg from 'pg';
import { createChannelListener } from '../../platform/db/listen.js';
import { INVALIDATION_CHANNEL } from './handle.repo.js';

export interface InvalidationListenerDeps {
  connection: pg.ClientConfig;
  onPayload(payload: string): void;
  /** Called after (re)connecting: notifications sent while disconnected are lost, so caches must be dropped. */
  onReconnect(): void;
  log: { warn(obj: object, msg: string): void };
}

/** The handle resolver's cache invalidations from every instance, heard on a dedicated LISTEN connection. */
export function createInvalidationListener(deps: InvalidationListenerDeps) {
  const listener = createChannelListener({
    connection: deps.connection,
    channel: INVALIDATION_CHANNEL,
    applicationName: 'suilian-handles-listen',
    onPayload: deps.onPayload,
    onConnected: deps.onReconnect,
    log: deps.log,
  });
  return {
    start: () => listener.start(),
    stop: () => listener.stop(),
    /** For tests: kill the connection as a network failure would. */
    simulateFailure: () => listener.simulateFailure(),
    get listening(): boolean {
      return listener.connected;
    },
  };
}

export type InvalidationListener = ReturnType<typeof createInvalidationListener>;
