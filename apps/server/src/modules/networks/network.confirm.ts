import type { Confirmation, ConfirmRecord, ReturnRecord } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { type ConfirmationAction, moveConfirmation, toConfirmation } from '../../platform/confirmation/confirmation.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { NotificationService } from '../notifications/index.js';
import { networkNotices } from './network.notifications.js';
import { networkPolicy } from './network.policy.js';
import { createNetworkRepo } from './network.repo.js';

export interface NetworkConfirmationDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  files: Pick<FileService, 'requireAttachable'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/**
 * The district a network counts in confirms it (so it counts toward T-INF-3 and its edge nodes
 * toward T-INF-2) or returns it to the operator with the reason — platform/confirmation's rule, as
 * for 5G factories. Officers of another district get 404; the operator is told either way.
 */
export function createNetworkConfirmation(deps: NetworkConfirmationDeps) {
  async function move(actor: Actor, id: string, action: ConfirmationAction, input: ConfirmRecord | ReturnRecord): Promise<Confirmation> {
    networkPolicy.authorize(actor, 'confirm');
    return deps.db.transaction(async (tx) => {
      const repo = createNetworkRepo(tx);
      const row = await repo.findById(id);
      if (!row) throw notFound('network');
      networkPolicy.authorize(actor, 'confirm', row.network);
      if (row.network.version !== input.version) throw staleVersion('network');
      const fileId = 'fileId' in input ? input.fileId : undefined;
      if (action === 'confirm' && fileId) await deps.files.requireAttachable(actor, [fileId], tx);
      const now = deps.clock.now();
      const fields = moveConfirmation(row.network.confirmationState, action, actor, { comment: input.comment, fileId }, now);
      const updated = await repo.updateVersioned(id, input.version, { ...fields, updatedAt: now });
      if (!updated) throw staleVersion('network');
      const after = toConfirmation(updated);
      await deps.audit.append(tx, actor, {
        action: `network.${action}`,
        entityType: 'network',
        entityId: id,
        before: toConfirmation(row.network),
        after,
      });
      const notices = networkNotices(
        action === 'confirm' ? 'confirmed' : 'returned',
        { ...row.network, ...row },
        { comment: input.comment },
      );
      for (const notice of notices) await deps.notifications.notify(tx, notice.recipients, notice.message, { except: [actor.userId] });
      return after;
    });
  }

  return {
    confirm: (actor: Actor, id: string, input: ConfirmRecord) => move(actor, id, 'confirm', input),
    return: (actor: Actor, id: string, input: ReturnRecord) => move(actor, id, 'return', input),
  };
}

export type NetworkConfirmation = ReturnType<typeof createNetworkConfirmation>;
