import type { Confirmation, ConfirmRecord, ReturnRecord } from '@suilian/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { type ConfirmationAction, moveConfirmation, toConfirmation } from '../../platform/confirmation/confirmation.js';
import { CONFIRMABLE_NAMES, confirmationNotice } from '../../platform/confirmation/confirmation.notice.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { CodeListService } from '../codelists/index.js';
import type { NotificationService } from '../notifications/index.js';
import { enterprisePolicy } from './enterprise.policy.js';
import { createEnterpriseRepo } from './enterprise.repo.js';
import { enterpriseHonour } from './enterprise.table.js';

export interface HonourConfirmationDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  files: Pick<FileService, 'requireAttachable'>;
  notifications: Pick<NotificationService, 'notify'>;
  codeLists: Pick<CodeListService, 'activeCodes'>;
}

async function updateConfirmation(db: DbOrTx, id: string, version: number, patch: Partial<typeof enterpriseHonour.$inferInsert>) {
  const [row] = await db
    .update(enterpriseHonour)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(enterpriseHonour.id, id), eq(enterpriseHonour.version, version)))
    .returning();
  return row ?? null;
}

/**
 * A district confirms an honour its enterprise declared (a comment, optionally an evidence file
 * such as the certificate), so it counts toward T-ECO-1, or returns it with the reason (issue #12
 * item 5). The enterprise's users are told either way.
 */
export function createHonourConfirmation(deps: HonourConfirmationDeps) {
  async function move(
    actor: Actor,
    ids: { id: string; honourId: string },
    action: ConfirmationAction,
    input: ConfirmRecord | ReturnRecord,
  ): Promise<Confirmation> {
    enterprisePolicy.authorize(actor, 'confirm');
    return deps.db.transaction(async (tx) => {
      const repo = createEnterpriseRepo(tx);
      const enterprise = await repo.findById(ids.id);
      const honour = await repo.findHonour(ids.honourId);
      if (!enterprise || !honour || honour.orgId !== ids.id) throw notFound('honour');
      enterprisePolicy.authorize(actor, 'confirm', enterprise.org);
      if (honour.version !== input.version) throw staleVersion('honour');
      const fileId = 'fileId' in input ? input.fileId : undefined;
      if (action === 'confirm' && fileId) await deps.files.requireAttachable(actor, [fileId], tx);
      const now = deps.clock.now();
      const fields = moveConfirmation(honour.confirmationState, action, actor, { comment: input.comment, fileId }, now);
      const updated = await updateConfirmation(tx, honour.id, input.version, fields);
      if (!updated) throw staleVersion('honour');
      const after = toConfirmation(updated);
      await deps.audit.append(tx, actor, {
        action: `enterprise.honour_${action}`,
        entityType: 'enterprise_honour',
        entityId: honour.id,
        before: toConfirmation(honour),
        after,
      });
      // The enterprise reads the honour's name, not its code.
      const typeName = (await deps.codeLists.activeCodes('honour_type', tx)).get(honour.honourType)?.nameZh ?? honour.honourType;
      await deps.notifications.notify(
        tx,
        [{ role: 'enterprise_user', orgId: enterprise.org.id }],
        confirmationNotice({
          action,
          what: CONFIRMABLE_NAMES.honour,
          title: `${typeName}（${honour.year}）`,
          comment: input.comment,
          link: `/programme/enterprises/${enterprise.org.id}`,
        }),
        { except: [actor.userId] },
      );
      return after;
    });
  }

  return {
    confirm: (actor: Actor, ids: { id: string; honourId: string }, input: ConfirmRecord) => move(actor, ids, 'confirm', input),
    return: (actor: Actor, ids: { id: string; honourId: string }, input: ReturnRecord) => move(actor, ids, 'return', input),
  };
}

export type HonourConfirmation = ReturnType<typeof createHonourConfirmation>;
