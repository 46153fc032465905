import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers. */
export interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientIp: string | null;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level, so the same value hashes the same after a round
 * trip through jsonb (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SM3 (GB/T 32905-2016) over the canonical form of the entry, chained to the previous hash. */
export function hashEntry(fields: ChainedFields): string {
  const payload = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() });
  return createHash('sm3').update(payload, 'utf8').digest('hex');
}

export type ChainBreak = { seq: number; reason: string };

/** Checks one stretch of the chain; `expectedSeq`/`prevHash` carry over from the stretch before. */
export function findChainBreak(
  rows: Array<ChainedFields & { hash: string }>,
  start: { expectedSeq: number; prevHash: string },
): ChainBreak | null {
  let { expectedSeq, prevHash } = start;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${row.seq})` };
    if (row.prevHash !== prevHash) return { seq: row.seq, reason: 'previous-hash link does not match the entry before' };
    const { hash, ...fields } = row;
    if (hashEntry(fields) !== hash) return { seq: row.seq, reason: 'entry content does not match its hash' };
    prevHash = hash;
    expectedSeq += 1;
  }
  return null;
}
