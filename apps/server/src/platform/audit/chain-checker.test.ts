import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type StoredCheckpoint, signCheckpoint } from './anchors.js';
import { type ChainedFields, canonicalJson, GENESIS_HASH, hashEntry } from './chain.js';
import { type ChainedRow, createChainChecker } from './chain-checker.js';
import { generateKey, type Keyring, keyringOf } from './keyring.js';

const T0 = Date.UTC(2026, 0, 1);
const oldKey = generateKey(3, new Date(T0));
const newKey = generateKey(8, new Date(T0 + 1000));
/** Entries 1–3 predate the key, 4–8 are signed with oldKey, 9–10 with newKey. */
const keyring = keyringOf('test.key', [oldKey, newKey]);

function fieldsOf(seq: number, prevHash: string, keyId: string | null, after: unknown = { n: seq }): ChainedFields {
  return {
    seq,
    occurredAt: new Date(T0 + seq * 1000),
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
    keyId,
  };
}

/** An intact log of `length` entries as the server writes it. */
function log(length = 10): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const key = keyring.keyFor(seq) ?? undefined;
    const f = fieldsOf(seq, prev, key?.id ?? null);
    const row = { ...f, hash: hashEntry(f, key) };
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}

/** What a DBA without the key can do: recompute every hash from `from` on with plain SM3 (as ADR 0001 describes). */
function rechainWithoutKey(rows: ChainedRow[], from: number, keepKeyId: boolean): ChainedRow[] {
  const out = rows.map((r) => ({ ...r }));
  for (let i = from - 1; i < out.length; i++) {
    const row = out[i] as ChainedRow;
    row.prevHash = i === 0 ? GENESIS_HASH : (out[i - 1] as ChainedRow).hash;
    const { hash: _old, keyId, ...rest } = row;
    row.keyId = keepKeyId ? keyId : null;
    row.hash = createHash('sm3')
      .update(canonicalJson({ ...rest, occurredAt: rest.occurredAt.toISOString() }))
      .digest('hex');
  }
  return out;
}

function check(rows: ChainedRow[], checkpoints: StoredCheckpoint[] = [], ring: Keyring = keyring) {
  const checker = createChainChecker({ keyring: ring, checkpoints, unreadable: [] });
  for (const row of rows) checker.push(row);
  return checker.finish();
}

function anchor(row: ChainedRow, at = new Date(T0 + 3_600_000)): StoredCheckpoint {
  return { ...signCheckpoint(newKey, row, at, 'interval'), source: 'checkpoints-2026-01.jsonl:1' };
}

const codes = (result: ReturnType<typeof check>) => result.findings.map((f) => [f.code, f.seq, f.lastSeq]);

describe('audit chain checker', () => {
  it('accepts an intact log: plain SM3 before the key, each key after its start, matching checkpoints', () => {
    const rows = log();
    const result = check(rows, [anchor(rows[5] as ChainedRow), anchor(rows[9] as ChainedRow)]);
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ checked: 10, unkeyedUntil: 3, head: { seq: 10 }, anchors: { count: 2, latest: { seq: 10 } } });
  });

  it('reports an entry edited in place (hash left alone) as a broken link, vouched for by its successor', () => {
    const rows = log();
    (rows[5] as ChainedRow).after = { n: 'forged' };
    expect(codes(check(rows))).toEqual([['broken_link', 6, null]]);
    expect(check(rows).findings[0]?.message).toMatch(/entry 6: content does not match its hash \(altered/);
  });

  it('reports an edited legacy entry as a broken link', () => {
    const rows = log();
    (rows[1] as ChainedRow).after = { n: 'forged' };
    expect(codes(check(rows))).toEqual([['broken_link', 2, null]]);
  });

  it('reports a deleted middle entry as a gap', () => {
    const rows = log();
    rows.splice(4, 2);
    expect(codes(check(rows))).toEqual([['gap', 5, 6]]);
  });

  it('reports a recomputed tail as re-chaining: the HMACs no longer verify', () => {
    const rows = log();
    (rows[4] as ChainedRow).after = { n: 'forged' };
    const forged = rechainWithoutKey(rows, 5, true);
    expect(codes(check(forged))).toEqual([['rechained', 5, 10]]);
  });

  it('reports a tail recomputed as unkeyed entries (a downgrade) as re-chaining', () => {
    const rows = log();
    (rows[6] as ChainedRow).after = { n: 'forged' };
    const forged = rechainWithoutKey(rows, 7, false);
    const result = check(forged);
    expect(codes(result)).toEqual([['rechained', 7, 10]]);
    expect(result.findings[0]?.message).toMatch(/entries 7–10: unkeyed hash where the audit key applies/);
  });

  it('catches a legacy history rewritten: the first keyed entry no longer verifies', () => {
    const rows = log();
    (rows[0] as ChainedRow).after = { n: 'forged' };
    expect(codes(check(rechainWithoutKey(rows, 1, true)))).toEqual([['rechained', 4, 10]]);
  });

  it('catches a history rewritten with the key only through the checkpoints', () => {
    const rows = log();
    const checkpoint = anchor(rows[7] as ChainedRow);
    (rows[2] as ChainedRow).after = { n: 'forged' };
    let prev = (rows[1] as ChainedRow).hash;
    for (const row of rows.slice(2)) {
      row.prevHash = prev;
      const key = keyring.byId(row.keyId ?? '') ?? undefined;
      row.hash = hashEntry(row, key);
      prev = row.hash;
    }
    const result = check(rows, [checkpoint]);
    expect(codes(result)).toEqual([['rechained', 8, null]]);
    expect(result.findings[0]).toMatchObject({ anchorAt: checkpoint.at, keyId: newKey.id });
  });

  it('reports entries removed from the end when a checkpoint recorded more', () => {
    const rows = log();
    const result = check(rows.slice(0, 7), [anchor(rows[9] as ChainedRow)]);
    expect(codes(result)).toEqual([['truncated', 8, 10]]);
    expect(result.findings[0]?.message).toMatch(/entries 8–10 removed from the end: the log ends at entry 7, but the checkpoint/);
  });

  it('reports entries removed from the end below the seq a key started after, without any checkpoint', () => {
    const rows = log();
    const result = check(rows.slice(0, 6));
    expect(codes(result)).toEqual([['truncated', 7, 8]]);
    expect(result.findings[0]).toMatchObject({ keyId: newKey.id });
  });

  it('reports entries signed with a key the key file lacks, or with a retired key', () => {
    const rows = log();
    expect(codes(check(rows, [], keyringOf('test.key', [oldKey])))).toEqual([['key_mismatch', 9, 10]]);
    const stale = rows.map((r) => ({ ...r }));
    const ninth = stale[8] as ChainedRow;
    ninth.keyId = oldKey.id;
    ninth.hash = hashEntry(ninth, oldKey);
    (stale[9] as ChainedRow).prevHash = ninth.hash;
    const result = check(stale);
    expect(result.findings[0]).toMatchObject({ code: 'key_mismatch', seq: 9, keyId: oldKey.id });
  });

  it('refuses a checkpoint whose signature does not verify, and reports unreadable anchor lines', () => {
    const rows = log();
    const forged = { ...anchor(rows[9] as ChainedRow), seq: 12 };
    const checker = createChainChecker({
      keyring,
      checkpoints: [forged],
      unreadable: [{ source: 'checkpoints-2026-01.jsonl:2', problem: 'not a checkpoint' }],
    });
    for (const row of rows) checker.push(row);
    const result = checker.finish();
    expect(result.findings.map((f) => [f.code, f.seq])).toEqual([
      ['anchor_invalid', 0],
      ['anchor_invalid', 12],
    ]);
    expect(result.anchors.count).toBe(0);
  });
});
