import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { NotificationService } from '../notifications/index.js';

/** What the financing services are built from. */
export interface FinancingDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** The name offers show for an actor. */
export const actorName = (actor: Actor): string => actor.displayName ?? actor.name;
