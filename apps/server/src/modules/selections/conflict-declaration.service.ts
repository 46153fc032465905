import type { ConflictDeclaration, ReasonInput } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { refusal } from '../../platform/errors.js';
import { applicationPolicy } from './application.policy.js';
import type { ApplicationService } from './application.service.js';
import { forbiddenBy, refused } from './refusals.js';
import type { RoundService } from './round.service.js';
import { createSelectionRepo, type DeclarationRow } from './selection.repo.js';

export interface ConflictDeclarationServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  rounds: Pick<RoundService, 'getRound'>;
  applications: Pick<ApplicationService, 'applicationInRound'>;
}

function toDeclaration(d: DeclarationRow): ConflictDeclaration {
  return {
    applicationId: d.applicationId,
    expertId: d.expertId,
    expertName: d.expertName,
    reason: d.reason,
    declaredAt: d.declaredAt.toISOString(),
  };
}

/**
 * 回避申明 (issue #12 item 6): an assigned expert declares a conflict of interest the affiliation
 * rules cannot see. The declaration is recorded, takes the expert off the application (a submitted
 * score stays in the score history) and keeps them from being assigned to it again.
 */
export function createConflictDeclarationService(deps: ConflictDeclarationServiceDeps) {
  return {
    async declare(actor: Actor, roundId: string, applicationId: string, input: ReasonInput): Promise<ConflictDeclaration> {
      applicationPolicy.authorize(actor, 'score');
      if (!actor.userId)
        throw refusal('FORBIDDEN', 'selection.score_in_person', 'a conflict is declared by the expert in person, not through an API token');
      const expertId = actor.userId;
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        // Declared on the application without opening it: a conflicted expert need not read it first.
        const app = await deps.applications.applicationInRound(round, applicationId, tx);
        const r = createSelectionRepo(tx);
        const assignment = await r.findAssignment(app.id, expertId);
        if (!assignment) throw forbiddenBy('not_assigned', 'only an expert assigned to the application declares a conflict', { expertId });
        if (round.stage !== 'district_review' && round.stage !== 'expert_review')
          throw refused('assign_stage', 'conflicts are declared before or during expert review');
        const now = deps.clock.now();
        await r.insertDeclaration({ applicationId: app.id, expertId, reason: input.reason, declaredAt: now });
        await r.deleteAssignment(app.id, expertId);
        await deps.audit.append(tx, actor, {
          action: 'selection.conflict_declare',
          entityType: 'selection_application',
          entityId: app.id,
          before: { expertId, assigned: true, total: assignment.total },
          after: { expertId, assigned: false, reason: input.reason },
        });
        const [row] = (await r.findDeclarations([app.id])).filter((d) => d.expertId === expertId);
        if (!row) throw new Error('declaration vanished');
        return toDeclaration(row);
      });
    },

    /** The declarations in a round, for organisers (who then assign someone else). */
    async list(actor: Actor, roundId: string): Promise<ConflictDeclaration[]> {
      applicationPolicy.authorize(actor, 'assign');
      const round = await deps.rounds.getRound(actor, roundId);
      const r = createSelectionRepo(deps.db);
      const apps = await r.findApplications(round.id, { all: true });
      return (await r.findDeclarations(apps.map((a) => a.id))).map(toDeclaration);
    },
  };
}

export type ConflictDeclarationService = ReturnType<typeof createConflictDeclarationService>;
