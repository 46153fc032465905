import type { Confirmation, ConfirmRecord, ReturnRecord } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { type ConfirmationAction, moveConfirmation, toConfirmation } from '../../platform/confirmation/confirmation.js';
import { CONFIRMABLE_NAMES, confirmationNotice } from '../../platform/confirmation/confirmation.notice.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { NotificationService } from '../notifications/index.js';
import { factoryPolicy } from './factory.policy.js';
import { createFactoryRepo } from './factory.repo.js';

export interface FactoryConfirmationDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  files: Pick<FileService, 'requireAttachable'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/**
 * A district confirms a factory its enterprise declared (with a comment and optionally an evidence
 * file), so it counts toward T-APP-1, or returns it with the reason (issue #12 item 5). District
 * users of the factory's district and city admins (factoryPolicy 'confirm'); others of another
 * district get 404.
 */
export function createFactoryConfirmation(deps: FactoryConfirmationDeps) {
  async function move(actor: Actor, id: string, action: ConfirmationAction, input: ConfirmRecord | ReturnRecord): Promise<Confirmation> {
    factoryPolicy.authorize(actor, 'confirm');
    return deps.db.transaction(async (tx) => {
      const repo = createFactoryRepo(tx);
      const row = await repo.findById(id);
      if (!row) throw notFound('factory');
      factoryPolicy.authorize(actor, 'confirm', row.factory);
      if (row.factory.version !== input.version) throw staleVersion('factory');
      const fileId = 'fileId' in input ? input.fileId : undefined;
      if (action === 'confirm' && fileId) await deps.files.requireAttachable(actor, [fileId], tx);
      const now = deps.clock.now();
      const fields = moveConfirmation(row.factory.confirmationState, action, actor, { comment: input.comment, fileId }, now);
      const updated = await repo.updateVersioned(id, input.version, { ...fields, updatedAt: now });
      if (!updated) throw staleVersion('factory');
      const after = toConfirmation(updated);
      await deps.audit.append(tx, actor, {
        action: `factory.${action}`,
        entityType: 'factory',
        entityId: id,
        before: toConfirmation(row.factory),
        after,
      });
      // The declaring enterprise hears the outcome, with the reason when returned.
      await deps.notifications.notify(
        tx,
        [{ role: 'enterprise_user', orgId: row.factory.enterpriseId }],
        confirmationNotice({
          action,
          what: CONFIRMABLE_NAMES.factory,
          title: row.factory.name,
          comment: input.comment,
          link: `/programme/factories/${id}`,
        }),
        { except: [actor.userId] },
      );
      return after;
    });
  }

  return {
    confirm: (actor: Actor, id: string, input: ConfirmRecord) => move(actor, id, 'confirm', input),
    return: (actor: Actor, id: string, input: ReturnRecord) => move(actor, id, 'return', input),
  };
}

export type FactoryConfirmation = ReturnType<typeof createFactoryConfirmation>;
