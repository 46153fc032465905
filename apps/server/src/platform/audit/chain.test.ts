import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AuditKey, type ChainedFields, canonicalJson, GENESIS_HASH, hashEntry, hmacSm3 } from './chain.js';

function fields(seq: number, keyId: string | null = null): ChainedFields {
  return {
    seq,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
    actorId: null,
    actorName: 'system',
    action: 'test.write',
    entityType: 'thing',
    entityId: String(seq),
    before: null,
    after: { n: seq },
    requestId: null,
    clientIp: null,
    prevHash: GENESIS_HASH,
    keyId,
  };
}

const key: AuditKey = { id: 'k1', secret: Buffer.alloc(32, 7) };

describe('audit hash chain', () => {
  it('hashes with SM3: 64 hex characters, and the GB/T 32905 test vector holds', () => {
    // GB/T 32905-2016 example 1: SM3("abc")
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(hashEntry(fields(1))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes entries from before the key exactly as ADR 0001 did (plain SM3, no keyId field)', () => {
    const { keyId: _none, ...legacy } = fields(3);
    const asBefore = createHash('sm3')
      .update(canonicalJson({ ...legacy, occurredAt: legacy.occurredAt.toISOString() }), 'utf8')
      .digest('hex');
    expect(hashEntry(fields(3))).toBe(asBefore);
  });

  it('signs keyed entries with HMAC-SM3 over the fields and the key id', () => {
    const keyed = fields(3, 'k1');
    const { occurredAt, ...rest } = keyed;
    const expected = createHmac('sm3', key.secret)
      .update(canonicalJson({ ...rest, occurredAt: occurredAt.toISOString() }))
      .digest('hex');
    expect(hashEntry(keyed, key)).toBe(expected);
    expect(hashEntry(keyed, key)).not.toBe(hashEntry(fields(3)));
    expect(hashEntry(keyed, { id: 'k1', secret: Buffer.alloc(32, 8) })).not.toBe(expected);
    expect(() => hashEntry(keyed)).toThrow(/signed with key k1/);
    expect(hmacSm3(key, 'x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is independent of key order, as after a jsonb round trip', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    const a = { ...fields(1, 'k1'), after: { x: 1, y: 2 } };
    const b = { ...fields(1, 'k1'), after: { y: 2, x: 1 } };
    expect(hashEntry(a, key)).toBe(hashEntry(b, key));
  });
});
