import type { DbOrTx } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { AnchorSinks } from './anchor-sinks.js';
import { type Checkpoint, type CheckpointReason, signCheckpoint } from './anchors.js';
import { createAuditRepo } from './audit.repo.js';
import type { Keyring } from './keyring.js';

/**
 * Writes signed checkpoints of the chain's head to the anchors (ADR 0013). A periodic checkpoint
 * is skipped when the head has not moved since this instance's last one; the others (start,
 * shutdown, rotation, on demand) are always written.
 */
export function createCheckpointWriter(deps: { db: DbOrTx; clock: Clock; keys: () => Keyring; sinks: AnchorSinks }) {
  let lastSeq: number | null = null;
  return {
    /** Signs and stores the current head; null when the log is empty or nothing changed since the last periodic one. */
    async write(reason: CheckpointReason, db: DbOrTx = deps.db): Promise<Checkpoint | null> {
      const head = await createAuditRepo(db).head();
      if (!head) return null;
      if (reason === 'interval' && head.seq === lastSeq) return null;
      const key = deps.keys().latest();
      if (!key) throw new Error('the audit key file holds no key');
      const checkpoint = signCheckpoint(key, head, deps.clock.now(), reason);
      if (await deps.sinks.write(checkpoint)) lastSeq = head.seq;
      return checkpoint;
    },
  };
}

export type CheckpointWriter = ReturnType<typeof createCheckpointWriter>;
