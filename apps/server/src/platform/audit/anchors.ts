import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type AuditKey, canonicalJson, hmacSm3, sameDigest } from './chain.js';
import { fsyncDirectory, type Keyring } from './keyring.js';

/** Why a checkpoint was written. */
export type CheckpointReason = 'start' | 'interval' | 'shutdown' | 'rotate' | 'manual';

const CheckpointSchema = z.object({
  v: z.literal(1),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string(),
  at: z.iso.datetime(),
  reason: z.enum(['start', 'interval', 'shutdown', 'rotate', 'manual']),
  /** HMAC-SM3 under key `keyId` over the canonical JSON of every other field. */
  sig: z.string(),
});

/** A signed statement, kept outside the database, that the chain's head was entry `seq` with hash `hash` at `at`. */
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/** A checkpoint as read back, with where it was read from (file:line). */
export type StoredCheckpoint = Checkpoint & { source: string };

/** A line of an anchor file that is not a checkpoint. */
export interface UnreadableAnchor {
  source: string;
  problem: string;
}

/** Signs the head `{ seq, hash }` at `at` with `key` (the newest audit key). */
export function signCheckpoint(key: AuditKey, head: { seq: number; hash: string }, at: Date, reason: CheckpointReason): Checkpoint {
  const body = { v: 1 as const, seq: head.seq, hash: head.hash, keyId: key.id, at: at.toISOString(), reason };
  return { ...body, sig: hmacSm3(key, canonicalJson(body)) };
}

/** Whether the checkpoint's signature verifies with the key it names (false when the key file lacks it). */
export function checkpointSignatureValid(checkpoint: Checkpoint, keyring: Keyring): boolean {
  const key = keyring.byId(checkpoint.keyId);
  if (!key) return false;
  const { v, seq, hash, keyId, at, reason, sig } = checkpoint;
  return sameDigest(hmacSm3(key, canonicalJson({ v, seq, hash, keyId, at, reason })), sig);
}

const FILE_NAME = /^checkpoints-\d{4}-\d{2}\.jsonl$/;

/** The anchor file a checkpoint goes to: one per month (UTC), so old months can be archived whole. */
export function anchorFileFor(dir: string, at: string): string {
  return join(dir, `checkpoints-${at.slice(0, 7)}.jsonl`);
}

/** Appends one checkpoint as a JSON line to this month's anchor file and flushes it to disk. */
export function appendCheckpoint(dir: string, checkpoint: Checkpoint): string {
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const file = anchorFileFor(dir, checkpoint.at);
  const isNew = !existsSync(file);
  const fd = openSync(file, 'a', 0o640);
  try {
    writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isNew) fsyncDirectory(dir);
  return file;
}

/** Every checkpoint in the anchor folder, oldest file first, and the lines that are not checkpoints. */
export function readCheckpoints(dir: string): { checkpoints: StoredCheckpoint[]; unreadable: UnreadableAnchor[] } {
  const checkpoints: StoredCheckpoint[] = [];
  const unreadable: UnreadableAnchor[] = [];
  if (!existsSync(dir)) return { checkpoints, unreadable };
  for (const name of readdirSync(dir)
    .filter((n) => FILE_NAME.test(n))
    .sort()) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const source = `${name}:${index + 1}`;
      const parsed = CheckpointSchema.safeParse(safeJson(line));
      if (parsed.success) checkpoints.push({ ...parsed.data, source });
      else unreadable.push({ source, problem: 'not a checkpoint' });
    });
  }
  return { checkpoints, unreadable };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
