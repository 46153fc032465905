import {
  type CreateSanction,
  type LiftSanction,
  maskResidentId,
  type Sanction,
  type SanctionListQuery,
  type SanctionLookup,
  type SanctionState,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { type Clock, chinaDate } from '../../platform/clock.js';
import type { PersonDigests } from '../../platform/crypto/person-digest.js';
import { notFound, refusal } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import { sanctionNotice } from './sanction.notifications.js';
import { sanctionPolicy } from './sanction.policy.js';
import { createSanctionRepo, type SanctionRow, type SanctionWithNames } from './sanction.repo.js';

export interface SanctionServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
  persons: PersonDigests;
}

/** Who an application, selection or fund claim is made by, as far as the caller knows it. */
export interface SanctionSubject {
  organisationId?: string;
  creditCode?: string | null;
  /** The responsible person's identity number, when the claim names one. */
  personIdNumber?: string | null;
}

/** Where a sanction stands on a day: lifted early, not yet started, over, or in force. */
export function sanctionState(row: Pick<SanctionRow, 'liftedAt' | 'startsOn' | 'endsOn'>, today: string): SanctionState {
  if (row.liftedAt) return 'lifted';
  if (row.startsOn > today) return 'scheduled';
  if (row.endsOn < today) return 'expired';
  return 'active';
}

/**
 * The sanction register (取消资格, plan 三(五), issue #16 item 2): city administrators record that an
 * entity and its responsible person are barred for a period; other modules call `assertNotBarred`
 * at every application, selection and fund claim.
 */
export function createSanctionService(deps: SanctionServiceDeps) {
  const today = () => chinaDate(deps.clock.now());

  function present({ row, createdByName }: SanctionWithNames): Sanction {
    return {
      id: row.id,
      creditCode: row.creditCode,
      entityName: row.entityName,
      organisationId: row.organisationId,
      personName: row.personName,
      personIdMasked: row.personIdMasked,
      reason: row.reason,
      basis: row.basis,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      state: sanctionState(row, today()),
      liftedAt: row.liftedAt?.toISOString() ?? null,
      liftReason: row.liftReason,
      createdAt: row.createdAt.toISOString(),
      createdByName,
    };
  }

  async function presentById(id: string, db: DbOrTx): Promise<Sanction> {
    const found = await createSanctionRepo(db).find(id);
    if (!found) throw notFound('sanction');
    return present(found);
  }

  return {
    async list(actor: Actor, query: SanctionListQuery): Promise<{ items: Sanction[]; total: number }> {
      sanctionPolicy.authorize(actor, 'read');
      const page = await createSanctionRepo(deps.db).list(
        {
          state: query.state,
          today: query.on ?? today(),
          organisationId: query.organisationId,
          creditCode: query.creditCode,
          q: query.q,
        },
        query,
      );
      return { items: page.items.map(present), total: page.total };
    },

    /** Every sanction naming this person, in any state (the number is compared by digest, never kept). */
    async lookup(actor: Actor, input: SanctionLookup): Promise<{ items: Sanction[] }> {
      sanctionPolicy.authorize(actor, 'read');
      const page = await createSanctionRepo(deps.db).list(
        { today: today(), personDigests: deps.persons.candidates(input.personIdNumber) },
        { page: 1, pageSize: 200 },
      );
      return { items: page.items.map(present) };
    },

    async get(actor: Actor, id: string): Promise<Sanction> {
      sanctionPolicy.authorize(actor, 'read');
      return presentById(id, deps.db);
    },

    async create(actor: Actor, input: CreateSanction): Promise<Sanction> {
      sanctionPolicy.authorize(actor, 'write');
      return deps.db.transaction(async (tx) => {
        const repo = createSanctionRepo(tx);
        const registered = await repo.organisationWithCreditCode(input.creditCode);
        const created = await repo.insert({
          creditCode: input.creditCode,
          entityName: input.entityName,
          organisationId: registered?.id ?? null,
          personName: input.personName ?? null,
          personDigest: input.personIdNumber ? deps.persons.digest(input.personIdNumber) : null,
          personIdMasked: input.personIdNumber ? maskResidentId(input.personIdNumber) : null,
          reason: input.reason,
          basis: input.basis,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          createdBy: actor.userId,
          createdAt: deps.clock.now(),
        });
        const result = await presentById(created.id, tx);
        // The audit entry carries the mask, never the identity number.
        await deps.audit.append(tx, actor, { action: 'sanction.create', entityType: 'sanction', entityId: created.id, after: result });
        if (registered) {
          const notice = sanctionNotice('imposed', result);
          await deps.notifications.notify(tx, [{ role: 'enterprise_user', orgId: registered.id }], notice, { except: [actor.userId] });
        }
        return result;
      });
    },

    async lift(actor: Actor, id: string, input: LiftSanction): Promise<Sanction> {
      sanctionPolicy.authorize(actor, 'write');
      return deps.db.transaction(async (tx) => {
        const repo = createSanctionRepo(tx);
        const before = await repo.find(id);
        if (!before) throw notFound('sanction');
        const lifted = await repo.lift(id, deps.clock.now(), actor.userId, input.reason);
        if (!lifted) throw refusal('CONFLICT', 'sanction.already_lifted', 'this sanction was already lifted');
        const result = await presentById(id, tx);
        await deps.audit.append(tx, actor, {
          action: 'sanction.lift',
          entityType: 'sanction',
          entityId: id,
          before: present(before),
          after: result,
        });
        if (lifted.organisationId) {
          const notice = sanctionNotice('lifted', result);
          await deps.notifications.notify(tx, [{ role: 'enterprise_user', orgId: lifted.organisationId }], notice, {
            except: [actor.userId],
          });
        }
        return result;
      });
    },

    /**
     * Refuses (403 `sanction.in_force`, with the decision's basis and last day) when the entity or
     * the named person is under a sanction today. Called inside the caller's transaction by every
     * module that takes applications.
     */
    async assertNotBarred(subject: SanctionSubject, db: DbOrTx = deps.db): Promise<void> {
      const repo = createSanctionRepo(db);
      const creditCode = subject.creditCode ?? (subject.organisationId ? await repo.creditCodeOf(subject.organisationId) : null);
      const [barring] = await repo.findInForce(today(), {
        organisationId: subject.organisationId,
        creditCode,
        personDigests: subject.personIdNumber ? deps.persons.candidates(subject.personIdNumber) : undefined,
      });
      if (barring)
        throw refusal('FORBIDDEN', 'sanction.in_force', `barred until ${barring.endsOn} under ${barring.basis}`, {
          basis: barring.basis,
          endsOn: barring.endsOn,
        });
    },
  };
}

export type SanctionService = ReturnType<typeof createSanctionService>;
