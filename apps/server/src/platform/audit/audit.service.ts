import type { AuditEntry, AuditListQuery, AuditVerification } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { auditPolicy } from './audit.policy.js';
import { type AuditRow, createAuditRepo } from './audit.repo.js';
import { type ChainedFields, GENESIS_HASH, hashEntry } from './chain.js';
import { type Keyring, keyringOf } from './keyring.js';
import { verifyAuditLog } from './verify.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Rows per INSERT in appendMany (14 parameters each, well under PostgreSQL's 65 535). */
const APPEND_BATCH = 1000;

export interface AuditServiceDeps {
  db: DbOrTx;
  clock: Clock;
  /**
   * The audit key file as it is now (ADR 0013): new entries are signed with the key it assigns to
   * their seq. Without it entries are chained with plain SM3 as before the key existed — only for
   * tools that write before a key is set up (the test database template).
   */
  keys?: () => Keyring;
  /** Where checkpoints are kept (the verification reads them). */
  anchorDir?: string;
}

/** Appends to and reads the hash-chained audit log. */
export function createAuditService(deps: AuditServiceDeps) {
  /** The entry after `head`, signed with the key the key file assigns to its seq. */
  function chainAfter(
    keyring: Keyring | undefined,
    head: { seq: number; hash: string } | null,
    fields: Omit<ChainedFields, 'seq' | 'prevHash' | 'keyId'>,
  ) {
    const seq = (head?.seq ?? 0) + 1;
    const key = keyring?.keyFor(seq) ?? undefined;
    const chained: ChainedFields = { ...fields, seq, prevHash: head?.hash ?? GENESIS_HASH, keyId: key?.id ?? null };
    return { ...chained, hash: hashEntry(chained, key) };
  }

  function fieldsOf(actor: Actor, record: AuditRecord, occurredAt: Date) {
    return {
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
    };
  }

  return {
    /** Appends one entry inside the caller's transaction `tx`, so it commits or rolls back with the change. */
    async append(tx: DbOrTx, actor: Actor, record: AuditRecord): Promise<void> {
      const repo = createAuditRepo(tx);
      const head = await repo.lockHead();
      await repo.insert(chainAfter(deps.keys?.(), head, fieldsOf(actor, record, deps.clock.now())));
    },

    /**
     * Appends several entries inside `tx` under one chain lock, in order (imports: one entry per
     * created record without a lock, a head read and an insert per record).
     */
    async appendMany(tx: DbOrTx, actor: Actor, records: readonly AuditRecord[]): Promise<void> {
      if (records.length === 0) return;
      const repo = createAuditRepo(tx);
      let head = await repo.lockHead();
      const occurredAt = deps.clock.now();
      const keyring = deps.keys?.();
      for (let start = 0; start < records.length; start += APPEND_BATCH) {
        const rows = records.slice(start, start + APPEND_BATCH).map((record) => {
          const row = chainAfter(keyring, head, fieldsOf(actor, record, occurredAt));
          head = row;
          return row;
        });
        await repo.insertMany(rows);
      }
    },

    async list(actor: Actor, query: AuditListQuery): Promise<{ items: AuditEntry[]; total: number }> {
      auditPolicy.authorize(actor, 'read');
      const page = await createAuditRepo(deps.db).findPage(query);
      return { items: page.items.map(toEntry), total: page.total };
    },

    /** Checks the whole log against the key file and the checkpoints (ADR 0013). */
    async verify(actor: Actor): Promise<AuditVerification> {
      auditPolicy.authorize(actor, 'verify');
      return verifyAuditLog(deps.db, {
        keyring: deps.keys?.() ?? keyringOf('', []),
        ...(deps.anchorDir ? { anchorDir: deps.anchorDir } : {}),
      });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

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
