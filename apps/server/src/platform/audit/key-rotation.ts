import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import type { AnchorSinks } from './anchor-sinks.js';
import { type Checkpoint, signCheckpoint } from './anchors.js';
import { createAuditRepo } from './audit.repo.js';
import { createAuditService } from './audit.service.js';
import { AuditKeyMissingError } from './audit-keys.js';
import { createCheckpointWriter } from './checkpoints.js';
import { appendKey, generateKey, type KeyringEntry, keyringOf, readKeyring } from './keyring.js';

export interface RotationResult {
  previousKeyId: string | null;
  key: KeyringEntry;
  /** The checkpoints written: the head signed with the old key, then the rotation entry signed with the new one. */
  checkpoints: Checkpoint[];
}

/**
 * Starts a new audit key from a checkpoint (ADR 0013): under the chain lock, the head is
 * checkpointed with the current key, the new key is added to the key file to sign every entry
 * after that head, and an `audit.key.rotate` entry — the first one it signs — records the change;
 * a second checkpoint anchors that entry. Old keys stay in the file: the entries they signed
 * must remain verifiable. Running servers pick the new key up at their next entry (they re-read
 * the file when it changes). `replaceLostKey` starts a new key file when the old one is gone for good.
 */
export async function rotateAuditKey(deps: {
  db: Db;
  clock: Clock;
  file: string;
  sinks: AnchorSinks;
  actor: Actor;
  replaceLostKey?: boolean;
}): Promise<RotationResult> {
  const existing = readKeyring(deps.file);
  if (existing && deps.replaceLostKey) throw new Error(`audit key file ${deps.file} exists: rotate without --replace-lost-key`);
  const checkpoints: Checkpoint[] = [];
  const { key, previous, ring } = await deps.db.transaction(async (tx) => {
    const repo = createAuditRepo(tx);
    const head = await repo.lockHead();
    const previous = existing?.latest() ?? null;
    if (!existing && !deps.replaceLostKey) {
      const signedWith = await repo.findAnyKeyId();
      if (signedWith) throw new AuditKeyMissingError(deps.file, signedWith);
    }
    const now = deps.clock.now();
    if (head && previous) {
      const closing = signCheckpoint(previous, head, now, 'rotate');
      if (!(await deps.sinks.write(closing))) throw new Error('the checkpoint before the rotation could not be written');
      checkpoints.push(closing);
    }
    const key = generateKey(head?.seq ?? 0, now);
    appendKey(deps.file, key);
    const ring = keyringOf(deps.file, [...(existing?.entries ?? []), key]);
    await createAuditService({ db: tx, clock: deps.clock, keys: () => ring }).append(tx, deps.actor, {
      action: 'audit.key.rotate',
      entityType: 'audit_key',
      entityId: key.id,
      after: { keyId: key.id, previousKeyId: previous?.id ?? null, afterSeq: key.afterSeq, replacedLostKey: deps.replaceLostKey === true },
    });
    return { key, previous, ring };
  });
  const opening = await createCheckpointWriter({ db: deps.db, clock: deps.clock, keys: () => ring, sinks: deps.sinks }).write('rotate');
  if (opening) checkpoints.push(opening);
  return { previousKeyId: previous?.id ?? null, key, checkpoints };
}
