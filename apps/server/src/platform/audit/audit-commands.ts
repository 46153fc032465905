import type { AuditVerification } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { type AnchorTargets, createAnchorSinks } from './anchor-sinks.js';
import { openAuditKeys, readAuditKeysForVerification } from './audit-keys.js';
import { createCheckpointWriter } from './checkpoints.js';
import { rotateAuditKey } from './key-rotation.js';
import { verifyAuditLog } from './verify.js';

/** What the audit commands of the CLI need (from the configuration). */
export interface AuditCommandContext {
  db: Db;
  clock: Clock;
  keyFile: string;
  anchors: AnchorTargets;
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleLog = {
  warn: (_obj: object, msg: string) => console.error(`warning: ${msg}`),
  error: (obj: object, msg: string) => console.error(`error: ${msg}`, 'err' in obj ? String(obj.err) : ''),
};

/** `audit:verify [--json]`: checks the log against the key file and the anchors; exit 1 on any finding. */
export async function verifyCommand(ctx: AuditCommandContext, options: { json: boolean }): Promise<number> {
  const { keyring, missing } = readAuditKeysForVerification(ctx.keyFile);
  if (missing) ctx.err(`warning: audit key file ${ctx.keyFile} not found: keyed entries cannot be verified (AUDIT_KEY_FILE, DATA_DIR)`);
  const result = await verifyAuditLog(ctx.db, { keyring, anchorDir: ctx.anchors.dir });
  if (options.json) ctx.out(JSON.stringify(result, null, 2));
  else if (result.ok) ctx.out(`audit log intact: ${result.checked} entries verified; ${describe(result)}`);
  else {
    ctx.err(`audit log BROKEN at entry ${result.firstBrokenSeq}: ${result.findings.length} finding(s), ${result.checked} entries checked`);
    for (const f of result.findings) ctx.err(`  [${f.code}] ${f.message}`);
    ctx.err(describe(result));
  }
  return result.ok ? 0 : 1;
}

function describe(result: AuditVerification): string {
  const parts: string[] = [];
  if (result.unkeyedUntil) parts.push(`entries 1–${result.unkeyedUntil} predate the audit key (plain SM3)`);
  if (result.keys.length > 0) parts.push(`keys ${result.keys.map((k) => `${k.id} (after ${k.afterSeq})`).join(', ')}`);
  const latest = result.anchors.latest;
  parts.push(
    latest
      ? `${result.anchors.count} checkpoint(s), the latest of ${latest.at} at entry ${latest.seq}`
      : 'no checkpoint outside the database yet: truncation cannot be detected',
  );
  return parts.join('; ');
}

/** `audit:checkpoint`: signs the current head and appends it to the anchors now (e.g. before a backup). */
export async function checkpointCommand(ctx: AuditCommandContext): Promise<number> {
  const keys = await openAuditKeys({ file: ctx.keyFile, db: ctx.db, clock: ctx.clock, warn: (m) => ctx.err(`warning: ${m}`) });
  const writer = createCheckpointWriter({ db: ctx.db, clock: ctx.clock, keys, sinks: createAnchorSinks(ctx.anchors, consoleLog) });
  const checkpoint = await writer.write('manual');
  if (!checkpoint) ctx.out('the audit log is empty: nothing to checkpoint');
  else ctx.out(`checkpoint: entry ${checkpoint.seq} ${checkpoint.hash} signed with key ${checkpoint.keyId} → ${ctx.anchors.dir}`);
  return 0;
}

/** `audit:rotate-key [--replace-lost-key]`: starts a new audit key from a checkpoint of the head. */
export async function rotateKeyCommand(ctx: AuditCommandContext, actor: Actor, options: { replaceLostKey: boolean }): Promise<number> {
  const result = await rotateAuditKey({
    db: ctx.db,
    clock: ctx.clock,
    file: ctx.keyFile,
    sinks: createAnchorSinks(ctx.anchors, consoleLog),
    actor,
    replaceLostKey: options.replaceLostKey,
  });
  const [closing] = result.checkpoints;
  if (closing && result.previousKeyId)
    ctx.out(`checkpoint of entry ${closing.seq} signed with the old key ${result.previousKeyId} → ${ctx.anchors.dir}`);
  ctx.out(`new audit key ${result.key.id} signs every entry after ${result.key.afterSeq}; it was added to ${ctx.keyFile}`);
  ctx.out('back the key file up again now; servers using another copy of it must get the new copy before they write');
  return 0;
}
