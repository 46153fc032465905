import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Resolver } from '../resolver.js';
import { createHandleNative } from './index.js';

/** A native server whose records are never read: these tests only bind ports. */
function nativeWithLog() {
  const lines: Array<[string, string]> = [];
  const native = createHandleNative({
    resolver: {} as Resolver,
    prefixes: { ensureLoaded: () => undefined, lookup: () => undefined },
    site: { address: '127.0.0.1', port: 2641, description: 'test' },
    resolveRatePerMinute: 10,
    now: () => Date.now(),
    log: {
      info: (_obj, msg) => lines.push(['info', msg]),
      warn: (_obj, msg) => lines.push(['warn', msg]),
      debug: () => undefined,
    },
  });
  return { native, lines };
}

describe('starting the native Handle listener (#13 item 2)', () => {
  it('stays off with port 0 and says so', async () => {
    const { native, lines } = nativeWithLog();
    expect(await native.start({ port: 0, host: '127.0.0.1' })).toBeNull();
    expect(lines).toEqual([['info', 'native Handle protocol off (HANDLE_NATIVE_PORT=0)']]);
  });

  it('logs a port it cannot bind and carries on without the listener', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const { native, lines } = nativeWithLog();
      expect(await native.start({ port, host: '127.0.0.1' })).toBeNull();
      expect(lines).toEqual([['warn', 'native Handle protocol could not bind its port: continuing without it']]);
      expect(native.address).toBeNull();
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it('binds UDP and TCP on one port and closes both', async () => {
    const { native, lines } = nativeWithLog();
    const at = await native.listen({ port: 0, host: '127.0.0.1' });
    expect(at.udpPort).toBe(at.tcpPort);
    expect(lines).toEqual([]);
    await native.close();
    const again = net.createServer();
    await new Promise<void>((resolve) => again.listen(at.tcpPort, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => again.close(() => resolve()));
  });
});
