import type { Objection } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { applicationPolicy } from './application.policy.js';
import type { ApplicationService } from './application.service.js';
import { refused } from './refusals.js';
import { roundPolicy } from './round.policy.js';
import type { RoundService } from './round.service.js';
import { createSelectionRepo, type ObjectionRow } from './selection.repo.js';

export interface ObjectionServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  rounds: Pick<RoundService, 'getRound'>;
  applications: Pick<ApplicationService, 'scopeOf'>;
}

/** Objections to the publicity list (公示) and their resolution by the organisers. */
export function createObjectionService(deps: ObjectionServiceDeps) {
  return {
    async object(actor: Actor, roundId: string, applicationId: string, content: string): Promise<Objection> {
      applicationPolicy.authorize(actor, 'object');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        if (round.stage !== 'publicity') throw refused('publicity_stage', 'objections are taken during the publicity period (公示)');
        const app = await createSelectionRepo(tx).findApplication(applicationId);
        if (!app || app.roundId !== round.id || !app.selected) throw notFound('application on the publicity list');
        const row = await createSelectionRepo(tx).insertObjection({
          applicationId: app.id,
          content,
          raisedById: actor.userId,
          raisedBy: actor.displayName ?? actor.name,
          createdAt: deps.clock.now(),
        });
        await deps.audit.append(tx, actor, {
          action: 'selection.object',
          entityType: 'selection_application',
          entityId: app.id,
          after: { objectionId: row.id },
        });
        return toObjection(row);
      });
    },

    async objections(actor: Actor, roundId: string): Promise<Objection[]> {
      const round = await deps.rounds.getRound(actor, roundId);
      const organiser = roundPolicy.allows(actor, 'manage');
      const apps = await createSelectionRepo(deps.db).findApplications(
        round.id,
        organiser ? { all: true } : deps.applications.scopeOf(actor),
      );
      const rows = await createSelectionRepo(deps.db).findObjections(apps.map((a) => a.id));
      // Organisers see every objection; anyone else only those they raised.
      return rows.filter((o) => organiser || o.raisedById === actor.userId).map(toObjection);
    },

    /** An upheld objection takes the application off the selected list. */
    async resolveObjection(
      actor: Actor,
      roundId: string,
      objectionId: string,
      input: { upheld: boolean; resolution: string },
    ): Promise<Objection> {
      roundPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const r = createSelectionRepo(tx);
        const objection = await r.findObjection(objectionId);
        const app = objection && (await r.findApplication(objection.applicationId));
        if (!objection || !app || app.roundId !== round.id) throw notFound('objection');
        if (objection.status !== 'open') throw refused('objection_resolved', 'this objection is already resolved');
        await r.updateObjection(objection.id, { status: input.upheld ? 'upheld' : 'dismissed', resolution: input.resolution });
        if (input.upheld) await r.updateApplication(app.id, { selected: false, updatedAt: deps.clock.now() });
        await deps.audit.append(tx, actor, {
          action: 'selection.objection_resolve',
          entityType: 'selection_objection',
          entityId: objection.id,
          after: { upheld: input.upheld, resolution: input.resolution },
        });
        const updated = await r.findObjection(objection.id);
        return toObjection(updated ?? objection);
      });
    },
  };
}

export type ObjectionService = ReturnType<typeof createObjectionService>;

function toObjection(o: ObjectionRow): Objection {
  return {
    id: o.id,
    applicationId: o.applicationId,
    content: o.content,
    raisedBy: o.raisedBy,
    status: o.status,
    resolution: o.resolution,
    createdAt: o.createdAt.toISOString(),
  };
}
