import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditKey } from './chain.js';

/** One key of the key file: it signs the entries after `afterSeq`, until the next key takes over. */
export interface KeyringEntry extends AuditKey {
  afterSeq: number;
  createdAt: string;
}

/** The audit keys in file order (ADR 0013). */
export interface Keyring {
  readonly file: string;
  readonly entries: readonly KeyringEntry[];
  /** The key that signs entry `seq`: the last one started before it; null before the first key. */
  keyFor(seq: number): KeyringEntry | null;
  byId(id: string): KeyringEntry | null;
  /** The newest key (signs checkpoints); null when the file holds none. */
  latest(): KeyringEntry | null;
}

const KEY_BYTES = 32;

/** A keyring over the given entries (file order = the order in which the keys took over). */
export function keyringOf(file: string, entries: readonly KeyringEntry[]): Keyring {
  return {
    file,
    entries,
    keyFor: (seq) => entries.findLast((e) => e.afterSeq < seq) ?? null,
    byId: (id) => entries.find((e) => e.id === id) ?? null,
    latest: () => entries.at(-1) ?? null,
  };
}

/** Reads the key file; null when it does not exist. Throws on a malformed line (a damaged key file must be noticed). */
export function readKeyring(file: string): Keyring | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const entries = text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
    .map(({ line, number }) => parseKeyLine(file, line, number));
  return keyringOf(file, entries);
}

function parseKeyLine(file: string, line: string, number: number): KeyringEntry {
  const bad = (why: string) => new Error(`audit key file ${file} line ${number}: ${why}`);
  let raw: { id?: unknown; key?: unknown; afterSeq?: unknown; createdAt?: unknown };
  try {
    raw = JSON.parse(line);
  } catch {
    throw bad('not JSON');
  }
  if (typeof raw.key !== 'string' || typeof raw.id !== 'string') throw bad('needs "id" and "key"');
  if (typeof raw.afterSeq !== 'number' || !Number.isInteger(raw.afterSeq) || raw.afterSeq < 0) throw bad('needs "afterSeq" ≥ 0');
  const secret = Buffer.from(raw.key, 'base64');
  if (secret.length < 16) throw bad('the key is shorter than 16 bytes');
  if (keyIdOf(secret) !== raw.id) throw bad(`the id ${raw.id} does not match the key`);
  return { id: raw.id, secret, afterSeq: raw.afterSeq, createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : '' };
}

/** A key's id: the first 16 hex characters of its SM3 digest, so a damaged key line is noticed. */
export function keyIdOf(secret: Buffer): string {
  return createHash('sm3').update(secret).digest('hex').slice(0, 16);
}

/** A fresh random key starting after `afterSeq`. */
export function generateKey(afterSeq: number, now: Date): KeyringEntry {
  const secret = randomBytes(KEY_BYTES);
  return { id: keyIdOf(secret), secret, afterSeq, createdAt: now.toISOString() };
}

const HEADER =
  '# Suilian audit key file (ADR 0013): one key per line, the last one signs new entries.\n' +
  '# Secret: keep it mode 0600, back it up apart from the database, never edit a line.\n';

/**
 * Adds `entry` to the key file, creating the file (mode 0600, its folder 0700) when it does not
 * exist, and flushes it to disk before returning: an entry signed with a key must never outlive it.
 */
export function appendKey(file: string, entry: KeyringEntry): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let created = false;
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fd = openSync(file, 'a');
  }
  try {
    const line = JSON.stringify({
      id: entry.id,
      key: entry.secret.toString('base64'),
      afterSeq: entry.afterSeq,
      createdAt: entry.createdAt,
    });
    writeSync(fd, `${created ? HEADER : ''}${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (created) fsyncDirectory(dirname(file));
}

/** Makes a new directory entry durable (a crash right after creating the file must not lose it). */
export function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A warning when the key file can be read by anyone but its owner, else null. */
export function keyFilePermissionProblem(file: string): string | null {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return null;
  return `audit key file ${file} has mode ${mode.toString(8).padStart(4, '0')}: only its owner should read it (chmod 600)`;
}

/**
 * The key file as it is now: re-read when it changed on disk, so that a key started by
 * `cli audit:rotate-key` signs this server's next entry without a restart.
 */
export function createLiveKeyring(file: string, initial: Keyring): () => Keyring {
  let current = initial;
  let stamp = fileStamp(file);
  return () => {
    const now = fileStamp(file);
    if (now !== stamp) {
      current = readKeyring(file) ?? current;
      stamp = now;
    }
    return current;
  };
}

function fileStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return 'missing';
  }
}
