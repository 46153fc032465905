import type { Confirmation, ConfirmRecord, PendingConfirmations, ReturnRecord } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { type ConfirmationAction, moveConfirmation, toConfirmation } from '../../platform/confirmation/confirmation.js';
import { CONFIRMABLE_NAMES, confirmationNotice } from '../../platform/confirmation/confirmation.notice.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { NotificationService } from '../notifications/index.js';
import { findRecordForConfirmation, pendingConfirmations, updateRecordConfirmation } from './confirmation.repo.js';
import { registryPolicy } from './registry.policy.js';

export interface RegistryConfirmationDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  files: Pick<FileService, 'requireAttachable'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/**
 * A district confirms a registry record its enterprise declared (patent, standard, event,
 * training …; a comment and optionally an evidence file), so it counts toward its target, or
 * returns it with the reason (issue #12 item 5). Also the list of what waits for confirmation.
 */
export function createRegistryConfirmation(deps: RegistryConfirmationDeps) {
  async function move(actor: Actor, id: string, action: ConfirmationAction, input: ConfirmRecord | ReturnRecord): Promise<Confirmation> {
    registryPolicy.authorize(actor, 'confirm');
    return deps.db.transaction(async (tx) => {
      const row = await findRecordForConfirmation(tx, id);
      if (!row) throw notFound('record');
      registryPolicy.authorize(actor, 'confirm', row);
      if (row.version !== input.version) throw staleVersion('record');
      const fileId = 'fileId' in input ? input.fileId : undefined;
      if (action === 'confirm' && fileId) await deps.files.requireAttachable(actor, [fileId], tx);
      const now = deps.clock.now();
      const fields = moveConfirmation(row.confirmationState, action, actor, { comment: input.comment, fileId }, now);
      const updated = await updateRecordConfirmation(tx, id, input.version, { ...fields, updatedAt: now });
      if (!updated) throw staleVersion('record');
      const after = toConfirmation(updated);
      await deps.audit.append(tx, actor, {
        action: `${row.registry}.${action}`,
        entityType: row.registry,
        entityId: id,
        before: toConfirmation(row),
        after,
      });
      // The declaring enterprise hears the outcome, with the reason when returned.
      await deps.notifications.notify(
        tx,
        [{ role: 'enterprise_user', orgId: row.orgId }],
        confirmationNotice({
          action,
          what: CONFIRMABLE_NAMES.registry_record,
          title: row.title,
          comment: input.comment,
          link: `/programme/ecosystem/${row.registry}?record=${id}`,
        }),
        { except: [actor.userId] },
      );
      return after;
    });
  }

  return {
    confirm: (actor: Actor, id: string, input: ConfirmRecord) => move(actor, id, 'confirm', input),
    return: (actor: Actor, id: string, input: ReturnRecord) => move(actor, id, 'return', input),
    /** Factories and registry records waiting for the actor's confirmation (their district; the city: all). */
    async pending(actor: Actor): Promise<PendingConfirmations> {
      return pendingConfirmations(deps.db, registryPolicy.reach(actor, 'confirm'));
    },
  };
}

export type RegistryConfirmation = ReturnType<typeof createRegistryConfirmation>;
