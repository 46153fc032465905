import { describe, expect, it } from 'vitest';
import { type ChainedFields, canonicalJson, findChainBreak, GENESIS_HASH, hashEntry } from './chain.js';

function entry(seq: number, prevHash: string, after: unknown = { n: seq }): ChainedFields & { hash: string } {
  const fields: ChainedFields = {
    seq,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
    actorId: null,
    actorName: 'system',
    action: 'test.write',
    entityType: 'thing',
    entityId: String(seq),
    before: null,
    after,
    requestId: null,
    clientIp: null,
    prevHash,
  };
  return { ...fields, hash: hashEntry(fields) };
}

function chain(length: number) {
  const rows: Array<ChainedFields & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const row = entry(seq, prev);
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('hashes with SM3: 64 hex characters, and the GB/T 32905 test vector holds', async () => {
    const { createHash } = await import('node:crypto');
    // GB/T 32905-2016 example 1: SM3("abc")
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(chain(1)[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is independent of key order, as after a jsonb round trip', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    const a = entry(1, GENESIS_HASH, { x: 1, y: 2 });
    const b = entry(1, GENESIS_HASH, { y: 2, x: 1 });
    expect(a.hash).toBe(b.hash);
  });

  it('accepts an intact chain', () => {
    expect(findChainBreak(chain(5), { expectedSeq: 1, prevHash: GENESIS_HASH })).toBeNull();
  });

  it('finds an altered entry', () => {
    const rows = chain(5);
    const third = rows[2];
    if (!third) throw new Error('fixture');
    third.after = { n: 999 };
    expect(findChainBreak(rows, { expectedSeq: 1, prevHash: GENESIS_HASH })).toEqual({
      seq: 3,
      reason: 'entry content does not match its hash',
    });
  });

  it('finds a re-hashed entry by the broken link after it', () => {
    const rows = chain(5);
    const second = rows[1];
    if (!second) throw new Error('fixture');
    rows[1] = entry(2, second.prevHash, { forged: true });
    expect(findChainBreak(rows, { expectedSeq: 1, prevHash: GENESIS_HASH })?.seq).toBe(3);
  });

  it('finds a missing entry', () => {
    const rows = chain(5);
    rows.splice(3, 1);
    expect(findChainBreak(rows, { expectedSeq: 1, prevHash: GENESIS_HASH })).toMatchObject({ seq: 4 });
  });
});
