import {
  AFTER_REVIEW_STAGES,
  checkScores,
  type ReasonInput,
  type Score,
  type ScoreInput,
  type ScoreVersion,
  scoreLocked,
  weightedTotal,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, refusal } from '../../platform/errors.js';
import { applicationPolicy } from './application.policy.js';
import type { ApplicationService } from './application.service.js';
import { forbiddenBy, refused } from './refusals.js';
import { requireNoConflict } from './review-conflicts.js';
import { roundPolicy } from './round.policy.js';
import type { RoundService } from './round.service.js';
import { type AssignmentRow, createSelectionRepo, type ScoreVersionRow } from './selection.repo.js';

export interface ScoreServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  rounds: Pick<RoundService, 'getRound'>;
  applications: Pick<ApplicationService, 'applicationInRound' | 'visibleApplication'>;
}

/** A stored score sheet as the API shows it, with its lock state and the reopening (if any). */
export function toScore(a: AssignmentRow & { expertName: string }): Score {
  return {
    applicationId: a.applicationId,
    expertId: a.expertId,
    expertName: a.expertName,
    scores: a.scores ?? {},
    total: a.total ?? 0,
    comment: a.comment,
    submittedAt: a.submittedAt?.toISOString() ?? '',
    locked: scoreLocked(a),
    reopened: a.reopenedAt ? { reason: a.reopenReason ?? '', by: a.reopenedBy ?? '', at: a.reopenedAt.toISOString() } : null,
  };
}

function toVersion(v: ScoreVersionRow): ScoreVersion {
  return {
    id: v.id,
    applicationId: v.applicationId,
    expertId: v.expertId,
    expertName: v.expertName,
    event: v.event,
    oldTotal: v.oldTotal,
    newTotal: v.newTotal,
    oldScores: v.oldScores,
    newScores: v.newScores,
    by: v.byName,
    at: v.at.toISOString(),
    reason: v.reason,
  };
}

/**
 * Scoring (issue #12 item 6): only an assigned, unconflicted expert scores; a submitted score is
 * locked until the organiser reopens it with a reason; every submission and reopening is kept in
 * the score history (old value, new value, who, when, why).
 */
export function createScoreService(deps: ScoreServiceDeps) {
  const byName = (actor: Actor) => actor.displayName ?? actor.name;

  return {
    async score(actor: Actor, roundId: string, applicationId: string, input: ScoreInput): Promise<Score> {
      applicationPolicy.authorize(actor, 'score');
      // A score is a person's judgement: an API token (no person) gives none.
      if (!actor.userId)
        throw refusal('FORBIDDEN', 'selection.score_in_person', 'scores are given by an expert in person, not through an API token');
      const expertId = actor.userId;
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const app = await deps.applications.visibleApplication(actor, round, applicationId, tx);
        const r = createSelectionRepo(tx);
        // Only an assigned expert's sheet exists: anyone else (a city administrator too) is refused, nothing stored.
        const sheet = await r.findAssignment(app.id, expertId);
        if (!sheet) throw forbiddenBy('not_assigned', 'only the experts assigned to the application score it', { expertId });
        await requireNoConflict(tx, round, app, expertId);
        if (round.stage !== 'expert_review') throw refused('score_stage', 'scores are taken while the round is in expert review');
        // The district may have changed its mind after the assignment: only recommended applications are scored.
        if (app.status !== 'recommended')
          throw refused('not_recommended', 'only applications the district recommended are scored', { status: app.status });
        if (scoreLocked(sheet))
          throw refused('score_locked', 'the score was submitted and is locked; the organiser may reopen it with a reason', {
            submittedAt: sheet.submittedAt?.toISOString() ?? '',
          });
        const problems = checkScores(round.rubric, input.scores);
        if (problems.length > 0)
          throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), {
            issues: problems.map((p) => ({ field: `scores.${p.criterion}`, rule: p.rule, message: p.message })),
          });
        const total = weightedTotal(round.rubric, input.scores);
        const now = deps.clock.now();
        const again = sheet.reopenedAt !== null;
        await r.saveScore(app.id, expertId, {
          scores: input.scores,
          total,
          comment: input.comment ?? null,
          submittedAt: now,
          reopenedAt: null,
          reopenedBy: null,
          reopenReason: null,
        });
        await r.insertScoreVersion({
          applicationId: app.id,
          expertId,
          event: again ? 'resubmitted' : 'submitted',
          oldScores: again ? sheet.scores : null,
          oldTotal: again ? sheet.total : null,
          newScores: input.scores,
          newTotal: total,
          byId: expertId,
          byName: byName(actor),
          at: now,
          reason: again ? sheet.reopenReason : null,
        });
        await deps.audit.append(tx, actor, {
          action: again ? 'selection.rescore' : 'selection.score',
          entityType: 'selection_application',
          entityId: app.id,
          ...(again ? { before: { total: sheet.total } } : {}),
          after: { total },
        });
        const [saved] = await r.findAssignments([app.id]).then((rows) => rows.filter((x) => x.expertId === expertId));
        if (!saved) throw new Error('score sheet vanished');
        return toScore(saved);
      });
    },

    /** The organiser reopens a submitted score with a reason (expert review only): the expert may score once more. */
    async reopen(actor: Actor, roundId: string, applicationId: string, expertId: string, input: ReasonInput): Promise<Score> {
      applicationPolicy.authorize(actor, 'assign');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const app = await deps.applications.applicationInRound(round, applicationId, tx);
        if (round.stage !== 'expert_review') throw refused('score_stage', 'scores are reopened while the round is in expert review');
        const r = createSelectionRepo(tx);
        const sheet = await r.findAssignment(app.id, expertId);
        if (!sheet) throw refused('not_assigned', 'this expert is not assigned to the application', { expertId });
        if (!sheet.submittedAt) throw refused('score_not_submitted', 'this expert has not submitted a score yet', { expertId });
        if (scoreLocked(sheet)) {
          const now = deps.clock.now();
          await r.saveScore(app.id, expertId, { reopenedAt: now, reopenedBy: byName(actor), reopenReason: input.reason });
          await r.insertScoreVersion({
            applicationId: app.id,
            expertId,
            event: 'reopened',
            oldScores: sheet.scores,
            oldTotal: sheet.total,
            newScores: null,
            newTotal: null,
            byId: actor.userId ?? null,
            byName: byName(actor),
            at: now,
            reason: input.reason,
          });
          await deps.audit.append(tx, actor, {
            action: 'selection.score_reopen',
            entityType: 'selection_application',
            entityId: app.id,
            before: { expertId, total: sheet.total, locked: true },
            after: { expertId, locked: false, reason: input.reason },
          });
        }
        const [saved] = (await r.findAssignments([app.id])).filter((x) => x.expertId === expertId);
        if (!saved) throw new Error('score sheet vanished');
        return toScore(saved);
      });
    },

    /** Organisers see every submitted score; an expert sees only their own until the round closes. */
    async scores(actor: Actor, roundId: string, applicationId: string): Promise<Score[]> {
      applicationPolicy.authorize(actor, 'readScores');
      const round = await deps.rounds.getRound(actor, roundId);
      const app = await deps.applications.visibleApplication(actor, round, applicationId);
      const all = (await createSelectionRepo(deps.db).findAssignments([app.id])).filter((a) => a.submittedAt);
      // Independent scoring: until the review closes an expert sees only their own sheet.
      const ownOnly = !roundPolicy.allows(actor, 'manage') && !AFTER_REVIEW_STAGES.includes(round.stage);
      return (ownOnly ? all.filter((a) => a.expertId === actor.userId) : all).map(toScore);
    },

    /** The score history: every version, oldest first; an expert sees only their own sheet's. */
    async history(actor: Actor, roundId: string, applicationId: string): Promise<ScoreVersion[]> {
      applicationPolicy.authorize(actor, 'readScores');
      const round = await deps.rounds.getRound(actor, roundId);
      const app = await deps.applications.visibleApplication(actor, round, applicationId);
      const rows = await createSelectionRepo(deps.db).findScoreVersions(app.id);
      const own = !roundPolicy.allows(actor, 'manage');
      return (own ? rows.filter((v) => v.expertId === actor.userId) : rows).map(toVersion);
    },
  };
}

export type ScoreService = ReturnType<typeof createScoreService>;
