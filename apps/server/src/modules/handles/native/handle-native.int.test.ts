/**
 * The native Handle protocol (issue #13 item 2), through a client written from RFC 3652 / 3651
 * alone (apps/server/test/handle-client.ts: its own encoder and decoder, nothing imported from the
 * server's codec), over UDP and TCP.
 *
 * Byte layout cross-checked against the public IDPointer SDK (teleinfo-dev/id-pointer-sdk, a fork
 * of the Handle.Net Java client; read, not copied): the envelope's flag octet (CP 0x80, EC 0x40,
 * TC 0x20, suggested major version in the low two bits, suggested minor in the next octet); UDP
 * packets of at most 512 octets whose envelope carries the whole message's length and the packet's
 * sequence number, reassembled at sequence × 492; the header's field order and widths (op code,
 * response code, op flags, 2-octet site serial, recursion count, reserved octet, expiration, body
 * length); the op-flag bits used (AT, CT, ENC, KC, PO, RD); the request digest (SHA-256, code 3, from
 * version 2.7; SHA-1, code 2, before; over the request's header and body) placed first in the
 * body; the resolution request body (handle, index list, type list); the value layout (index,
 * timestamp, TTL type, TTL, permission octet 8/4/2/1, type, data, reference list); HS_ADMIN data
 * (2-octet mask whose bit 0 is the JSON string's last character, handle, index); the site record
 * (format version 1, protocol version, serial, primary mask 0x80, hash option, hash filter,
 * attributes, servers with a 16-octet address, public key, interfaces of service type / protocol
 * UDP 0 TCP 1 HTTP 2 / 4-octet port); the error body (one UTF8-String); the trailing 4-octet
 * credential length.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAdmin, decodeSite, requestMessage, requestPacket, tcpExchange, udpExchange } from '../../../../test/handle-client.js';
import { createTestApp, type TestContext } from '../../../../test/harness.js';

const STAMP = '2026-05-01T08:00:00Z';
const value = (index: number, type: string, text: string, permissions = '1110') => ({
  index,
  type,
  data: { format: 'string', value: text },
  ttl: 3600,
  timestamp: STAMP,
  permissions,
});
const admin = {
  index: 100,
  type: 'HS_ADMIN',
  data: { format: 'admin', value: { handle: '0.NA/88.118', index: 200, permissions: '011111110011' } },
  ttl: 86400,
  timestamp: STAMP,
  permissions: '1110',
};
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const PO = 0x0100_0000;
const KC = 0x0200_0000;
const RD = 0x0080_0000;
const CT = 0x4000_0000;
const AT = 0x8000_0000;

async function insertRecords(url: string, records: Array<[string, unknown[]]>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [handle, values] of records) {
    await client.query(
      `INSERT INTO handle_record (handle_key, handle, prefix, handle_values, created_at, updated_at) VALUES ($1, $2, '88.118', $3, now(), now())`,
      [handle.toUpperCase(), handle, JSON.stringify(values)],
    );
  }
  await client.end();
}

describe('native Handle protocol (#13 item 2)', () => {
  let ctx: TestContext;
  let port: number;
  const big = Array.from({ length: 24 }, (_, i) => value(2000 + i, `attr${i}`, `第${i}项：${'交联聚乙烯绝缘电力电缆'.repeat(4)}`));

  beforeAll(async () => {
    ctx = await createTestApp({
      env: { HANDLE_SITE_ADDRESS: '192.0.2.10', HANDLE_SITE_PORT: '2641', HANDLE_SITE_HTTP_PORT: '8000', HANDLE_NATIVE_PORT: '0' },
    });
    await insertRecords(ctx.databaseUrl, [
      [
        '88.118/NATIVE-1',
        [value(1, 'URL', 'https://example.cn/p/1'), value(2, 'DESC', '电缆'), value(3, 'EMAIL', 'qa@example.cn', '1100'), admin],
      ],
      ['88.118/SECRET-1', [value(1, 'EMAIL', 'only-admins@example.cn', '1100')]],
      ['88.118/BIG-1', big],
    ]);
    port = (await ctx.app.handleNative.listen({ port: 0, host: '127.0.0.1' })).udpPort;
  });
  afterAll(() => ctx.close());

  it('resolves over UDP: public values only, fields as RFC 3651 lays them out', async () => {
    const res = await udpExchange(port, requestPacket({ handle: '88.118/native-1', requestId: 4242, sessionId: 9 }));
    expect(res.envelope).toMatchObject({ major: 2, minor: 10, requestId: 4242, sessionId: 9 });
    expect(res).toMatchObject({ opCode: 1, responseCode: 1, handle: '88.118/native-1', credentialLength: 0, packets: 1 });
    expect(res.opFlags & AT).not.toBe(0);
    expect(res.values?.map((v) => v.index)).toEqual([1, 2, 100]);
    const [url, desc, adminValue] = res.values ?? [];
    expect(url).toMatchObject({
      type: 'URL',
      ttlType: 0,
      ttl: 3600,
      permissions: 0x0e,
      timestamp: Date.parse(STAMP) / 1000,
      references: [],
    });
    expect(text(url?.data ?? new Uint8Array())).toBe('https://example.cn/p/1');
    expect(text(desc?.data ?? new Uint8Array())).toBe('电缆');
    expect(decodeAdmin(adminValue?.data ?? new Uint8Array())).toEqual({ permissions: 0b011111110011, handle: '0.NA/88.118', index: 200 });
  });

  it('answers the same values as the anonymous REST resolution', async () => {
    const rest = await ctx.app.inject({ method: 'GET', url: '/api/handles/88.118/NATIVE-1' });
    const native = await udpExchange(port, requestPacket({ handle: '88.118/NATIVE-1' }));
    expect(native.values?.map((v) => v.index)).toEqual(rest.json().values.map((v: { index: number }) => v.index));
  });

  it('resolves over TCP and closes unless asked to keep the connection', async () => {
    const once = await tcpExchange(port, [requestPacket({ handle: '88.118/NATIVE-1' })], 0);
    expect(once.closedByServer).toBe(true);
    expect(once.answers.map((a) => a.values?.map((v) => v.index))).toEqual([[1, 2, 100]]);
    const kept = await tcpExchange(
      port,
      [
        requestPacket({ handle: '88.118/NATIVE-1', opFlags: KC, requestId: 1 }),
        requestPacket({ handle: '88.118/NOPE', opFlags: KC, requestId: 2 }),
      ],
      2,
    );
    expect(kept.answers.map((a) => [a.envelope.requestId, a.responseCode])).toEqual([
      [1, 1],
      [2, 100],
    ]);
    expect(kept.answers[0]?.opFlags).toBeGreaterThan(0);
    expect((kept.answers[0]?.opFlags ?? 0) & KC).toBe(KC);
  });

  it('filters by index and by type; restricted values are never returned, as in REST', async () => {
    const ask = (spec: { indexes?: number[]; types?: string[] }) =>
      udpExchange(port, requestPacket({ handle: '88.118/NATIVE-1', ...spec }));
    expect((await ask({ indexes: [2] })).values?.map((v) => v.type)).toEqual(['DESC']);
    expect((await ask({ types: ['url'] })).values?.map((v) => v.index)).toEqual([1]);
    expect((await ask({ types: ['HS_ADMIN'], indexes: [1] })).values?.map((v) => v.index)).toEqual([1, 100]);
    for (const spec of [{ indexes: [3] }, { types: ['EMAIL'] }, { indexes: [77] }]) {
      const res = await ask(spec);
      expect(res.responseCode, JSON.stringify(spec)).toBe(200);
      expect(res.values).toBeUndefined();
    }
    const secret = await udpExchange(port, requestPacket({ handle: '88.118/SECRET-1', opFlags: PO }));
    expect(secret).toMatchObject({ responseCode: 200, error: 'no values match' });
    expect(secret.opFlags & PO).toBe(PO);
  });

  it('answers RC_HANDLE_NOT_FOUND, RC_SERVER_NOT_RESP and RC_INVALID_HANDLE', async () => {
    expect(await udpExchange(port, requestPacket({ handle: '88.118/MISSING' }))).toMatchObject({ responseCode: 100, opCode: 1 });
    expect(await udpExchange(port, requestPacket({ handle: '99.999/X' }))).toMatchObject({ responseCode: 301 });
    expect(await udpExchange(port, requestPacket({ handle: 'no-slash' }))).toMatchObject({ responseCode: 102 });
    expect(await udpExchange(port, requestPacket({ handle: Uint8Array.from([0x38, 0x38, 0x2f, 0xff]) }))).toMatchObject({
      responseCode: 102,
    });
  });

  it('serves HS_SITE for 0.NA/<prefix> from the advertised settings, and OC_GET_SITE_INFO', async () => {
    const res = await tcpExchange(port, [requestPacket({ handle: '0.NA/88.118', types: ['HS_SITE'] })]);
    const answer = res.answers[0];
    expect(answer?.values?.map((v) => [v.index, v.type])).toEqual([[1, 'HS_SITE']]);
    const site = decodeSite(answer?.values?.[0]?.data ?? new Uint8Array());
    expect(site).toMatchObject({
      version: 1,
      protocol: '2.10',
      serial: answer?.siteSerial,
      primaryMask: 0x80,
      attributes: [['desc', expect.any(String)]],
    });
    expect(site.serial).toBeGreaterThan(0);
    expect(site.servers).toHaveLength(1);
    expect([...(site.servers[0]?.address ?? [])]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 10]);
    expect(site.servers[0]?.publicKey).toHaveLength(0);
    expect(site.servers[0]?.interfaces).toEqual([
      { type: 2, protocol: 0, port: 2641 },
      { type: 2, protocol: 1, port: 2641 },
      { type: 2, protocol: 2, port: 8000 },
    ]);
    expect(await udpExchange(port, requestPacket({ handle: '0.NA/88.118', indexes: [100] }))).toMatchObject({ responseCode: 200 });
    expect(await udpExchange(port, requestPacket({ handle: '0.NA/99.999' }))).toMatchObject({ responseCode: 301 });
    const info = await udpExchange(port, requestPacket({ opCode: 2 }));
    expect(info).toMatchObject({ opCode: 2, responseCode: 1 });
    expect(decodeSite(info.rest)).toEqual(site);
  });

  it('splits a large UDP answer into 512-octet packets with TC set, as RFC 3652 §2.3 says', async () => {
    const res = await udpExchange(port, requestPacket({ handle: '88.118/BIG-1' }));
    expect(res.packets).toBeGreaterThan(1);
    expect(Math.max(...res.sizes)).toBeLessThanOrEqual(512);
    expect(res.envelope.flags & 0x20).toBe(0x20);
    expect(res.values?.map((v) => text(v.data))).toEqual(big.map((v) => v.data.value));
  });

  it('returns the request digest asked for: SHA-256 from 2.7, SHA-1 before', async () => {
    for (const [minor, algorithm, hash] of [
      [10, 3, 'sha256'],
      [5, 2, 'sha1'],
    ] as const) {
      const spec = { handle: '88.118/NATIVE-1', opFlags: RD, minor, suggestMinor: minor };
      const message = requestMessage(spec);
      const res = await udpExchange(port, requestPacket(spec, message));
      const signed = message.slice(0, message.length - 4);
      expect(res.envelope.minor).toBe(minor);
      expect(res.digest?.algorithm).toBe(algorithm);
      expect(Buffer.from(res.digest?.bytes ?? []).toString('hex')).toBe(createHash(hash).update(signed).digest('hex'));
    }
  });

  it('answers a certify request without a signature (no key: empty credential, CT not set)', async () => {
    const res = await udpExchange(port, requestPacket({ handle: '88.118/NATIVE-1', opFlags: CT }));
    expect(res).toMatchObject({ responseCode: 1, credentialLength: 0 });
    expect(res.opFlags & CT).toBe(0);
  });

  it('refuses malformed, truncated, foreign-version and unsupported requests with the right codes', async () => {
    const good = requestMessage({ handle: '88.118/NATIVE-1' });
    const withLength = (m: Uint8Array, length: number) => {
      const p = requestPacket({}, m);
      new DataView(p.buffer).setUint32(16, length);
      return p;
    };
    // Body length beyond the message; a handle length of 2^32−1; the envelope's length not the datagram's.
    const longBody = Uint8Array.from(good);
    new DataView(longBody.buffer).setUint32(20, 5000);
    const hugeHandle = Uint8Array.from(good);
    new DataView(hugeHandle.buffer).setUint32(24, 0xffffffff);
    for (const packet of [
      requestPacket({}, longBody),
      requestPacket({}, hugeHandle),
      withLength(good, good.length + 10),
      requestPacket({ major: 5 }, good),
    ]) {
      expect((await udpExchange(port, packet)).responseCode).toBe(4);
    }
    expect(await udpExchange(port, requestPacket({ opCode: 100, handle: 'x' }))).toMatchObject({ responseCode: 5, opCode: 100 });
    const oversized = await tcpExchange(port, [withLength(good, 1_000_000)], 0);
    expect(oversized.closedByServer).toBe(true);
    expect(oversized.answers[0]?.responseCode).toBe(4);
  });

  it('survives garbage on both transports and counts it (#13 item 2)', async () => {
    const before = ctx.app.handleNative.counts()['udp:malformed'] ?? 0;
    let seed = 13;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const garbage = Array.from({ length: 200 }, (_, i) =>
      Uint8Array.from({ length: i % 7 === 0 ? i % 20 : 20 + (random() % 600) }, () => random() & 0xff),
    );
    const runts = garbage.filter((g) => g.length < 20).length;
    // In rounds of 20, each closed by a valid request (a socket buffer holds 20 datagrams, not 200).
    for (let round = 0; round < 10; round++) {
      const res = await udpExchange(
        port,
        requestPacket({ handle: '88.118/NATIVE-1', requestId: 1000 + round }),
        garbage.slice(round * 20, round * 20 + 20),
      );
      expect(res.responseCode).toBe(1);
    }
    expect((ctx.app.handleNative.counts()['udp:malformed'] ?? 0) - before).toBeGreaterThanOrEqual(runts);
    await tcpExchange(port, garbage.slice(0, 20), 0);
    expect((await tcpExchange(port, [requestPacket({ handle: '88.118/NATIVE-1' })])).answers[0]?.responseCode).toBe(1);
  });
});

describe('native Handle protocol under load (#13 item 2)', () => {
  it('answers RC_SERVER_TOO_BUSY past the per-address rate, as the REST API answers 429', async () => {
    const fixed = new Date('2026-06-01T10:00:30Z');
    const ctx = await createTestApp({ clock: { now: () => fixed }, env: { HANDLE_RESOLVE_RATE_PER_MINUTE: '2', HANDLE_NATIVE_PORT: '0' } });
    try {
      const { udpPort } = await ctx.app.handleNative.listen({ port: 0, host: '127.0.0.1' });
      const codes: number[] = [];
      for (let i = 0; i < 3; i++)
        codes.push((await udpExchange(udpPort, requestPacket({ handle: '88.118/MISSING', requestId: i }))).responseCode);
      expect(codes).toEqual([100, 100, 3]);
    } finally {
      await ctx.close();
    }
  });
});
