import type { AuditEntry, AuditListQuery, AuditVerification } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { auditPolicy } from './audit.policy.js';
import { type AuditRow, createAuditRepo } from './audit.repo.js';
import { findChainBreak, GENESIS_HASH, hashEntry } from './chain.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Rows per INSERT in appendMany (13 parameters each, well under PostgreSQL's 65 535). */
const APPEND_BATCH = 1000;

/** Appends to and reads the hash-chained audit log. */
export function createAuditService(deps: { db: DbOrTx; clock: Clock }) {
  return {
    /** Appends one entry inside the caller's transaction `tx`, so it commits or rolls back with the change. */
    async append(tx: DbOrTx, actor: Actor, record: AuditRecord): Promise<void> {
      const repo = createAuditRepo(tx);
      const head = await repo.lockHead();
      const fields = {
        seq: (head?.seq ?? 0) + 1,
        occurredAt: deps.clock.now(),
        actorId: actor.userId,
        actorName: actor.name,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        before: toJson(record.before),
        after: toJson(record.after),
        requestId: actor.requestId,
        clientIp: actor.clientIp,
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      await repo.insert({ ...fields, hash: hashEntry(fields) });
    },

    /**
     * Appends several entries inside `tx` under one chain lock, in order (imports: one entry per
     * created record without a lock, a head read and an insert per record).
     */
    async appendMany(tx: DbOrTx, actor: Actor, records: readonly AuditRecord[]): Promise<void> {
      if (records.length === 0) return;
      const repo = createAuditRepo(tx);
      const head = await repo.lockHead();
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const occurredAt = deps.clock.now();
      for (let start = 0; start < records.length; start += APPEND_BATCH) {
        const rows = records.slice(start, start + APPEND_BATCH).map((record) => {
          const fields = {
            seq: ++seq,
            occurredAt,
            actorId: actor.userId,
            actorName: actor.name,
            action: record.action,
            entityType: record.entityType,
            entityId: record.entityId,
            before: toJson(record.before),
            after: toJson(record.after),
            requestId: actor.requestId,
            clientIp: actor.clientIp,
            prevHash,
          };
          prevHash = hashEntry(fields);
          return { ...fields, hash: prevHash };
        });
        await repo.insertMany(rows);
      }
    },

    async list(actor: Actor, query: AuditListQuery): Promise<{ items: AuditEntry[]; total: number }> {
      auditPolicy.authorize(actor, 'read');
      const page = await createAuditRepo(deps.db).findPage(query);
      return { items: page.items.map(toEntry), total: page.total };
    },

    /** Walks the whole chain and reports the first broken link. */
    async verify(actor: Actor): Promise<AuditVerification> {
      auditPolicy.authorize(actor, 'verify');
      return verifyChain(deps.db);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

export async function verifyChain(db: DbOrTx, batchSize = 2000): Promise<AuditVerification> {
  const repo = createAuditRepo(db);
  let position = { expectedSeq: 1, prevHash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await repo.findAfter(position.expectedSeq - 1, batchSize);
    if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    const broken = findChainBreak(rows, position);
    if (broken)
      return { ok: false, checked: checked + (broken.seq - position.expectedSeq), firstBrokenSeq: broken.seq, reason: broken.reason };
    checked += rows.length;
    const last = rows[rows.length - 1] as AuditRow;
    position = { expectedSeq: last.seq + 1, prevHash: last.hash };
  }
}

/** Plain JSON (dates as ISO strings) so what is hashed is exactly what jsonb gives back. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    clientIp: row.clientIp,
    hash: row.hash,
  };
}
