import type { AuditVerification } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { readCheckpoints } from './anchors.js';
import { createAuditRepo } from './audit.repo.js';
import { createChainChecker } from './chain-checker.js';
import type { Keyring } from './keyring.js';

/**
 * Walks the whole audit log in seq order and checks it against the key file and the checkpoints in
 * `anchorDir` (ADR 0013): broken links, gaps, truncation, re-chaining, keys, unreadable anchors.
 */
export async function verifyAuditLog(
  db: DbOrTx,
  options: { keyring: Keyring; anchorDir?: string; batchSize?: number },
): Promise<AuditVerification> {
  const anchors = options.anchorDir ? readCheckpoints(options.anchorDir) : { checkpoints: [], unreadable: [] };
  const checker = createChainChecker({ keyring: options.keyring, ...anchors });
  const repo = createAuditRepo(db);
  const batchSize = options.batchSize ?? 2000;
  let after = 0;
  for (;;) {
    const rows = await repo.findAfter(after, batchSize);
    for (const row of rows) checker.push(row);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    after = last.seq;
  }
  const result = checker.finish();
  const first = result.findings[0];
  return {
    ok: result.findings.length === 0,
    checked: result.checked,
    firstBrokenSeq: first ? first.seq : null,
    reason: first ? first.message : null,
    findings: result.findings,
    head: result.head,
    unkeyedUntil: result.unkeyedUntil,
    keys: options.keyring.entries.map((k) => ({ id: k.id, afterSeq: k.afterSeq, createdAt: k.createdAt })),
    anchors: result.anchors,
  };
}
