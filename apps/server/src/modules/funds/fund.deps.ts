import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Sealer } from '../../platform/crypto/sealed.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { NotificationService } from '../notifications/index.js';
import type { SanctionService } from '../sanctions/index.js';

/** What the funds services are built from. */
export interface FundServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
  files: Pick<FileService, 'describe' | 'requireAttachable'>;
  sanctions: Pick<SanctionService, 'assertNotBarred'>;
  /** Seals bank account numbers (SM4, ADR 0014). */
  sealer: Pick<Sealer, 'seal'>;
}

/** The name timelines show for an actor. */
export const actorName = (actor: Actor): string => actor.displayName ?? actor.name;

/** Where a bank account of an application is sealed for: a sealed value copied to another row does not open. */
export const bankAccountContext = (applicationId: string): string => `fund-application:${applicationId}:bank-account`;
