import type { AuditVerification } from '@suilian/contracts';
import { asc, gte } from 'drizzle-orm';
import type pg from 'pg';
import { createAnchorSinks } from '../src/platform/audit/anchor-sinks.js';
import type { Checkpoint } from '../src/platform/audit/anchors.js';
import { auditLog } from '../src/platform/audit/audit.table.js';
import { readAuditKeysForVerification } from '../src/platform/audit/audit-keys.js';
import { type ChainedFields, hashEntry } from '../src/platform/audit/chain.js';
import { createCheckpointWriter } from '../src/platform/audit/checkpoints.js';
import { readKeyring } from '../src/platform/audit/keyring.js';
import { verifyAuditLog } from '../src/platform/audit/verify.js';
import { systemClock } from '../src/platform/clock.js';
import type { TestContext } from './harness.js';

/** Checks a test app's audit log as `cli audit:verify` does: with its key file and its anchor folder. */
export function verifyAsCli(ctx: TestContext): Promise<AuditVerification> {
  const { keyring } = readAuditKeysForVerification(ctx.config.auditKeyFile);
  return verifyAuditLog(ctx.database.db, { keyring, anchorDir: ctx.config.auditAnchorDir });
}

const quiet = { warn: () => undefined, error: () => undefined };

/** Writes a checkpoint of the head now, as the periodic task does. */
export async function checkpointNow(ctx: TestContext): Promise<Checkpoint> {
  const keyring = readKeyring(ctx.config.auditKeyFile);
  if (!keyring) throw new Error('the test app has no audit key file');
  const sinks = createAnchorSinks({ dir: ctx.config.auditAnchorDir }, quiet);
  const checkpoint = await createCheckpointWriter({ db: ctx.database.db, clock: systemClock, keys: () => keyring, sinks }).write('manual');
  if (!checkpoint) throw new Error('the audit log is empty');
  return checkpoint;
}

/**
 * Runs `attack` on its own connection of the test pool (a superuser, as a DBA is) with triggers
 * switched off the way a DBA would: `session_replication_role = replica` skips the append-only trigger.
 */
export async function asSuperuser(ctx: TestContext, attack: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await ctx.database.pool.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await attack(client);
  } finally {
    await client.query('RESET session_replication_role');
    client.release();
  }
}

/** How the rewritten entries are hashed: without the key (keeping or dropping the key id), or with the stolen key. */
export type Rehash = 'sm3-keep-key-id' | 'sm3-unkeyed' | 'stolen-key';

/**
 * The re-chaining attack: changes entry `seq` with `edit`, then recomputes the hash of it and of
 * every later entry so that each links to the one before, and writes them back as a superuser.
 */
export async function rewriteHistory(
  ctx: TestContext,
  seq: number,
  edit: (after: unknown) => unknown,
  rehash: Rehash,
): Promise<{ rewritten: number }> {
  const rows = await ctx.database.db.select().from(auditLog).where(gte(auditLog.seq, seq)).orderBy(asc(auditLog.seq));
  const keyring = readKeyring(ctx.config.auditKeyFile);
  await asSuperuser(ctx, async (client) => {
    let prevHash: string | null = null;
    for (const row of rows) {
      const fields: ChainedFields = {
        ...row,
        after: row.seq === seq ? edit(row.after) : row.after,
        prevHash: prevHash ?? row.prevHash,
        keyId: rehash === 'sm3-unkeyed' ? null : row.keyId,
      };
      const hash =
        rehash === 'stolen-key' ? hashEntry(fields, keyring?.byId(fields.keyId ?? '') ?? undefined) : hashEntry({ ...fields, keyId: null }); // the published ADR 0001 algorithm: plain SM3
      await client.query('UPDATE audit_log SET after = $2, prev_hash = $3, hash = $4, key_id = $5 WHERE seq = $1', [
        row.seq,
        JSON.stringify(fields.after),
        fields.prevHash,
        hash,
        fields.keyId,
      ]);
      prevHash = hash;
    }
  });
  return { rewritten: rows.length };
}
