import { type Application, type Assignment, conflictOf } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import { applicationPolicy } from './application.policy.js';
import type { ApplicationService } from './application.service.js';
import { fieldRefused, refused } from './refusals.js';
import { CONFLICT_MESSAGES } from './review-conflicts.js';
import type { RoundService } from './round.service.js';
import { expertAssignedNotice } from './selection.notifications.js';
import { type ApplicationWithNames, createSelectionRepo, type RoundRow } from './selection.repo.js';

export interface ReviewServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
  rounds: Pick<RoundService, 'getRound'>;
  applications: Pick<ApplicationService, 'applicationInRound' | 'visibleApplication' | 'presentOne'>;
}

/** Expert review: assignment under the conflict-of-interest rules and the expert count (scoring: score.service.ts). */
export function createReviewService(deps: ReviewServiceDeps) {
  /** The application experts may be assigned to: in district or expert review, and recommended. */
  async function assignable(round: RoundRow, applicationId: string, tx: DbOrTx): Promise<ApplicationWithNames> {
    if (round.stage !== 'district_review' && round.stage !== 'expert_review')
      throw refused('assign_stage', 'experts are assigned before or during expert review');
    const app = await deps.applications.applicationInRound(round, applicationId, tx);
    if (app.status !== 'recommended')
      throw refused('not_recommended', 'only applications the district recommended go to experts', { status: app.status });
    return app;
  }

  return {
    /**
     * Assigns experts, refusing any whose affiliation conflicts with the applicant, and more than the
     * round's `expertsPerApplication` in all (already assigned ones count; assigning one again is a no-op).
     */
    async assign(actor: Actor, roundId: string, applicationId: string, expertIds: string[]): Promise<Application> {
      applicationPolicy.authorize(actor, 'assign');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const app = await assignable(round, applicationId, tx);
        const r = createSelectionRepo(tx);
        const experts = new Map((await r.findExperts()).map((e) => [e.userId, { ...e, name: e.displayName }]));
        // 回避申明: an expert who declared a conflict with this application is not assigned to it again.
        const declared = new Set((await r.findDeclarations([app.id])).map((d) => d.expertId));
        expertIds.forEach((id, i) => {
          if (declared.has(id))
            throw fieldRefused(`expertIds.${i}`, 'conflict_declared', 'the expert declared a conflict of interest with this application', {
              expertId: id,
            });
          const expert = experts.get(id);
          if (!expert) throw fieldRefused(`expertIds.${i}`, 'expert', 'not an active expert');
          const reason = conflictOf(round.conflictRules, expert, app);
          if (reason) {
            const message = `${expert.name}: ${CONFLICT_MESSAGES[reason]}`;
            throw new AppError('VALIDATION_FAILED', message, {
              issues: [{ field: `expertIds.${i}`, rule: 'conflict_of_interest', message, expertId: id, reason }],
            });
          }
        });
        await r.lockApplication(app.id);
        const current = (await r.findAssignments([app.id])).map((a) => a.expertId);
        const added = [...new Set(expertIds)].filter((id) => !current.includes(id));
        const limit = round.expertsPerApplication;
        if (current.length + added.length > limit)
          throw fieldRefused(
            'expertIds',
            'experts_per_application',
            `expertsPerApplication: this round takes ${limit} expert(s) per application; ${current.length} assigned, ${added.length} more would make ${current.length + added.length}`,
            { limit, assigned: current.length, requested: added.length },
          );
        const now = deps.clock.now();
        await r.insertAssignments(added.map((expertId) => ({ applicationId: app.id, expertId, assignedAt: now })));
        await deps.audit.append(tx, actor, {
          action: 'selection.assign',
          entityType: 'selection_application',
          entityId: app.id,
          before: { expertIds: current },
          after: { expertIds: [...current, ...added] },
        });
        // The experts newly assigned hear of it in the same transaction (issue #12 item 2).
        const notice = expertAssignedNotice({ round, applicationId: app.id, expertIds: added });
        if (notice) await deps.notifications.notify(tx, notice.recipients, notice.message);
        return deps.applications.presentOne(actor, round, app.id, tx);
      });
    },

    /** Takes an expert off an application (e.g. assigned by mistake) — not once they have scored it. */
    async unassign(actor: Actor, roundId: string, applicationId: string, expertId: string): Promise<Application> {
      applicationPolicy.authorize(actor, 'assign');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const app = await deps.applications.applicationInRound(round, applicationId, tx);
        if (round.stage !== 'district_review' && round.stage !== 'expert_review')
          throw refused('assign_stage', 'experts are assigned and unassigned before or during expert review');
        const r = createSelectionRepo(tx);
        const assignment = await r.findAssignment(app.id, expertId);
        if (!assignment) throw refused('not_assigned', 'this expert is not assigned to the application', { expertId });
        // A submitted score is part of the review record; taking the expert off would silently drop it.
        if (assignment.submittedAt)
          throw refused('already_scored', 'this expert has already scored the application and stays assigned', { expertId });
        await r.deleteAssignment(app.id, expertId);
        await deps.audit.append(tx, actor, {
          action: 'selection.unassign',
          entityType: 'selection_application',
          entityId: app.id,
          before: { expertId, assignedAt: assignment.assignedAt.toISOString() },
        });
        return deps.applications.presentOne(actor, round, app.id, tx);
      });
    },

    /** Who is assigned to an application and whether they have scored (organisers only; scores stay hidden). */
    async assignments(actor: Actor, roundId: string, applicationId: string): Promise<Assignment[]> {
      applicationPolicy.authorize(actor, 'assign');
      const round = await deps.rounds.getRound(actor, roundId);
      const app = await deps.applications.applicationInRound(round, applicationId);
      const rows = await createSelectionRepo(deps.db).findAssignments([app.id]);
      return rows
        .sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime() || a.expertName.localeCompare(b.expertName))
        .map((a) => ({
          expertId: a.expertId,
          expertName: a.expertName,
          assignedAt: a.assignedAt.toISOString(),
          scored: a.submittedAt !== null,
          reopened: a.reopenedAt !== null,
        }));
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
