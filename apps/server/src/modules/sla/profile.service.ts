import type { CreateSlaProfile, SlaProfile, UpdateSlaProfile } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { notFound, refusal, staleVersion } from '../../platform/errors.js';
import { slaProfilePolicy } from './sla.policy.js';
import { createSlaRepo, type ProfileRow } from './sla.repo.js';

export interface SlaServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

/** A profile row as the API shows it. */
export function presentProfile(row: ProfileRow): SlaProfile {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    preset: row.preset,
    items: row.items,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * SLA profiles (issue #14 item 3): the presets are seeded at boot, the city edits them and adds
 * its own. A result copies its profile's items, so an edit never rewrites a computed result.
 */
export function createSlaProfileService(deps: SlaServiceDeps) {
  return {
    async list(actor: Actor) {
      slaProfilePolicy.authorize(actor, 'read');
      const items = (await createSlaRepo(deps.db).profiles()).map(presentProfile);
      return { items, total: items.length };
    },

    async create(actor: Actor, input: CreateSlaProfile): Promise<SlaProfile> {
      slaProfilePolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const now = deps.clock.now();
        const created = await createSlaRepo(tx).insertProfile({ ...input, preset: false, createdAt: now, updatedAt: now });
        if (!created) throw refusal('DUPLICATE', 'sla.code_taken', `a profile with code ${input.code} exists`, { code: input.code });
        const result = presentProfile(created);
        await deps.audit.append(tx, actor, {
          action: 'sla_profile.create',
          entityType: 'sla_profile',
          entityId: created.id,
          after: result,
        });
        return result;
      });
    },

    async update(actor: Actor, id: string, input: UpdateSlaProfile): Promise<SlaProfile> {
      slaProfilePolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const current = await createSlaRepo(tx).profile(id);
        if (!current) throw notFound('sla_profile');
        const { version, ...fields } = input;
        const updated = await createSlaRepo(tx).updateProfile(id, version, { ...fields, updatedAt: deps.clock.now() });
        if (!updated) throw staleVersion('sla_profile');
        const result = presentProfile(updated);
        await deps.audit.append(tx, actor, {
          action: 'sla_profile.update',
          entityType: 'sla_profile',
          entityId: id,
          before: presentProfile(current),
          after: result,
        });
        return result;
      });
    },
  };
}

export type SlaProfileService = ReturnType<typeof createSlaProfileService>;
