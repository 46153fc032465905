import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

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
  /** The audit key that signs the entry; null for entries written before the log had a key (plain SM3). */
  keyId: string | null;
}

/** A secret audit key (ADR 0013): its id (stored with each entry it signs) and its bytes. */
export interface AuditKey {
  id: string;
  secret: Buffer;
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

/** HMAC-SM3 (GB/T 32905-2016 inside RFC 2104) of a text under an audit key, as 64 hex characters. */
export function hmacSm3(key: AuditKey, text: string): string {
  return createHmac('sm3', key.secret).update(text, 'utf8').digest('hex');
}

/**
 * The hash of an entry (its chained fields only, whatever else the object carries), chained to the
 * previous one through `prevHash`. Keyed entries: HMAC-SM3
 * under their key over the canonical form including `keyId`. Entries from before the key (keyId
 * null): plain SM3 over the canonical form without `keyId`, exactly as ADR 0001 wrote them.
 */
export function hashEntry(fields: ChainedFields, key?: AuditKey): string {
  const { keyId } = fields;
  const base = {
    seq: fields.seq,
    occurredAt: fields.occurredAt.toISOString(),
    actorId: fields.actorId,
    actorName: fields.actorName,
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId,
    before: fields.before,
    after: fields.after,
    requestId: fields.requestId,
    clientIp: fields.clientIp,
    prevHash: fields.prevHash,
  };
  if (keyId === null) return createHash('sm3').update(canonicalJson(base), 'utf8').digest('hex');
  if (!key || key.id !== keyId) throw new Error(`entry ${fields.seq} is signed with key ${keyId}, which was not given`);
  return hmacSm3(key, canonicalJson({ ...base, keyId }));
}

/** Compares two hex digests without leaking where they differ. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
