import { appendFileSync, chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendCheckpoint, checkpointSignatureValid, readCheckpoints, signCheckpoint } from './anchors.js';
import { appendKey, createLiveKeyring, generateKey, keyFilePermissionProblem, keyringOf, readKeyring } from './keyring.js';

describe('audit key file and anchor files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'suilian-audit-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the key file with mode 0600 in a 0700 folder and reads the key back', () => {
    const file = join(dir, 'keys', 'audit.key');
    expect(readKeyring(file)).toBeNull();
    const key = generateKey(42, new Date('2026-03-01T00:00:00Z'));
    appendKey(file, key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    expect(keyFilePermissionProblem(file)).toBeNull();
    const ring = readKeyring(file);
    expect(ring?.entries).toEqual([key]);
    expect(ring?.keyFor(42)).toBeNull();
    expect(ring?.keyFor(43)?.id).toBe(key.id);
  });

  it('warns about a key file others can read', () => {
    const file = join(dir, 'audit.key');
    appendKey(file, generateKey(0, new Date()));
    chmodSync(file, 0o644);
    expect(keyFilePermissionProblem(file)).toMatch(/mode 0644: only its owner should read it/);
  });

  it('hands the newest key to each seq, and a running server sees a rotation without a restart', () => {
    const file = join(dir, 'audit.key');
    const first = generateKey(0, new Date());
    appendKey(file, first);
    const live = createLiveKeyring(file, readKeyring(file) ?? keyringOf(file, []));
    expect(live().keyFor(10)?.id).toBe(first.id);
    const second = generateKey(10, new Date());
    appendKey(file, second);
    expect(live().keyFor(10)?.id).toBe(first.id);
    expect(live().keyFor(11)?.id).toBe(second.id);
    expect(live().latest()?.id).toBe(second.id);
  });

  it('refuses a damaged key file rather than signing with a wrong key', () => {
    const file = join(dir, 'audit.key');
    appendKey(file, generateKey(0, new Date()));
    const text = readFileSync(file, 'utf8');
    // Change the key's first character to another one (a fixed replacement left a key starting with it unchanged).
    writeFileSync(
      file,
      text.replace(/"key":"(.)/, (_m, first: string) => `"key":"${first === 'A' ? 'B' : 'A'}`),
    );
    expect(() => readKeyring(file)).toThrow(/line 3: the id \w+ does not match the key/);
    writeFileSync(file, '{"id":');
    expect(() => readKeyring(file)).toThrow(/line 1: not JSON/);
  });

  it('appends signed checkpoints, one JSON line each, to a monthly file and reads them back', () => {
    const key = generateKey(0, new Date());
    const ring = keyringOf('k', [key]);
    const anchors = join(dir, 'audit-anchors');
    const head = { seq: 7, hash: 'a'.repeat(64) };
    const file = appendCheckpoint(anchors, signCheckpoint(key, head, new Date('2026-03-31T23:59:00Z'), 'interval'));
    appendCheckpoint(anchors, signCheckpoint(key, { ...head, seq: 8 }, new Date('2026-04-01T00:01:00Z'), 'shutdown'));
    expect(file).toBe(join(anchors, 'checkpoints-2026-03.jsonl'));
    appendFileSync(file, 'garbage\n');
    const { checkpoints, unreadable } = readCheckpoints(anchors);
    expect(checkpoints.map((c) => [c.seq, c.reason, c.source])).toEqual([
      [7, 'interval', 'checkpoints-2026-03.jsonl:1'],
      [8, 'shutdown', 'checkpoints-2026-04.jsonl:1'],
    ]);
    expect(unreadable).toEqual([{ source: 'checkpoints-2026-03.jsonl:2', problem: 'not a checkpoint' }]);
    expect(checkpoints.every((c) => checkpointSignatureValid(c, ring))).toBe(true);
    expect(checkpointSignatureValid({ ...(checkpoints[0] as (typeof checkpoints)[0]), seq: 9 }, ring)).toBe(false);
    expect(checkpointSignatureValid(checkpoints[0] as (typeof checkpoints)[0], keyringOf('k', [generateKey(0, new Date())]))).toBe(false);
  });
});
