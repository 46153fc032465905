import type { Application, ApplyInput, Assignment, Objection, Score, ScoreInput } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { FactoryService } from '../factories/index.js';
import type { ProjectService } from '../projects/index.js';
import { conflictOf, conflictReason } from './conflicts.js';
import { fieldRefused, refused } from './refusals.js';
import { canManage, type RoundService } from './round.service.js';
import { checkScores, weightedTotal } from './scoring.js';
import { type ApplicationScope, type ApplicationWithNames, createSelectionRepo, type RoundRow } from './selection.repo.js';

export interface ApplicationServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  rounds: Pick<RoundService, 'getRound'>;
  files: Pick<FileService, 'requireAttachable' | 'describe'>;
  factories: Pick<FactoryService, 'summaries'>;
  projects: Pick<ProjectService, 'summaries'>;
}

const AFTER_REVIEW: readonly RoundRow['stage'][] = ['closed', 'publicity', 'published'];

/** Applications, district recommendation, expert assignment and scoring, objections (issue #3 item 4). */
export function createApplicationService(deps: ApplicationServiceDeps) {
  function scopeOf(actor: Actor): ApplicationScope {
    if (canManage(actor) || actor.scope === 'city') return { all: true };
    if (actor.role === 'district_officer' && actor.districtId) return { districtId: actor.districtId };
    if (actor.role === 'expert' && actor.userId) return { expertId: actor.userId };
    return { enterpriseId: actor.orgId };
  }

  async function visibleApplication(
    actor: Actor,
    round: RoundRow,
    applicationId: string,
    db: DbOrTx = deps.db,
  ): Promise<ApplicationWithNames> {
    const r = createSelectionRepo(db);
    const app = await r.findApplication(applicationId);
    if (!app || app.roundId !== round.id) throw notFound('application');
    const scope = scopeOf(actor);
    const sees =
      'all' in scope ||
      ('districtId' in scope && app.districtId === scope.districtId) ||
      ('enterpriseId' in scope && app.enterpriseId === scope.enterpriseId) ||
      ('expertId' in scope && (await r.findAssignment(app.id, scope.expertId)) !== null);
    // A conflicted or unassigned expert cannot even open the application.
    if (!sees) throw notFound('application');
    return app;
  }

  async function present(actor: Actor, round: RoundRow, apps: ApplicationWithNames[], db: DbOrTx = deps.db): Promise<Application[]> {
    const r = createSelectionRepo(db);
    const ids = apps.map((a) => a.id);
    // Sequential: `db` may be a transaction's single connection (no concurrent queries there).
    const assignments = await r.findAssignments(ids);
    const links = await r.findAttachments(ids);
    const files = await deps.files.describe(
      links.map((l) => l.fileId),
      db,
    );
    const showScores = canManage(actor) || AFTER_REVIEW.includes(round.stage);
    return apps.map((a) => {
      const mine = assignments.filter((x) => x.applicationId === a.id);
      return {
        id: a.id,
        roundId: a.roundId,
        enterpriseId: a.enterpriseId,
        enterpriseName: a.enterpriseName,
        districtId: a.districtId,
        districtName: a.districtName,
        subjectId: a.subjectId,
        subjectName: a.subjectName,
        narrative: a.narrative,
        attachments: links
          .filter((l) => l.applicationId === a.id)
          .map((l) => ({ fileId: l.fileId, name: files.get(l.fileId)?.name ?? '' })),
        status: a.status,
        districtComment: a.districtComment,
        finalScore: showScores ? a.finalScore : null,
        rank: showScores ? a.rank : null,
        selected: a.selected,
        assignedExperts: mine.length,
        submittedScores: mine.filter((x) => x.submittedAt).length,
        createdAt: a.createdAt.toISOString(),
      };
    });
  }

  async function presentOne(actor: Actor, round: RoundRow, id: string, db: DbOrTx): Promise<Application> {
    const app = await createSelectionRepo(db).findApplication(id);
    if (!app) throw notFound('application');
    const [result] = await present(actor, round, [app], db);
    return result as Application;
  }

  /** The application experts may be assigned to: in district or expert review, and recommended. */
  async function assignable(actor: Actor, round: RoundRow, applicationId: string, tx: DbOrTx): Promise<ApplicationWithNames> {
    if (round.stage !== 'district_review' && round.stage !== 'expert_review')
      throw refused('assign_stage', 'experts are assigned before or during expert review');
    const app = await visibleApplication(actor, round, applicationId, tx);
    if (app.status !== 'recommended')
      throw refused('not_recommended', 'only applications the district recommended go to experts', { status: app.status });
    return app;
  }

  return {
    scopeOf,
    visibleApplication,

    async list(actor: Actor, roundId: string): Promise<Application[]> {
      const round = await deps.rounds.getRound(actor, roundId);
      const repo = createSelectionRepo(deps.db);
      const own = await repo.findApplications(round.id, scopeOf(actor));
      // The publicity list (公示) is public to everyone taking part: they may object to it.
      if (round.stage !== 'publicity' && round.stage !== 'published') return present(actor, round, own);
      const listed = (await repo.findApplications(round.id, { all: true })).filter((a) => a.selected && !own.some((o) => o.id === a.id));
      return present(actor, round, [...own, ...listed]);
    },

    async get(actor: Actor, roundId: string, applicationId: string): Promise<Application> {
      const round = await deps.rounds.getRound(actor, roundId);
      return presentOne(actor, round, (await visibleApplication(actor, round, applicationId)).id, deps.db);
    },

    async apply(actor: Actor, roundId: string, input: ApplyInput): Promise<Application> {
      if (!actor.permissions.includes('selection:apply')) throw forbidden('applying needs selection:apply');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        if (round.stage !== 'open') throw refused('round_not_open', 'this round is not taking applications');
        if (round.deadline <= deps.clock.now())
          throw refused('deadline_passed', `the deadline passed on ${round.deadline.toISOString().slice(0, 10)}`, {
            deadline: round.deadline.toISOString(),
          });
        const subjects =
          round.subjectType === 'factory'
            ? await deps.factories.summaries([input.subjectId], tx)
            : await deps.projects.summaries([input.subjectId], tx);
        const subject = subjects.get(input.subjectId);
        if (!subject || subject.enterpriseId !== actor.orgId)
          throw fieldRefused(
            'subjectId',
            'own_subject',
            `apply with one of your own ${round.subjectType === 'factory' ? 'factories' : 'projects'}`,
          );
        if (input.attachments) await deps.files.requireAttachable(actor, input.attachments, tx);
        const now = deps.clock.now();
        const r = createSelectionRepo(tx);
        const districtId = actor.districtId ?? '';
        const created = await r
          .insertApplication({
            roundId,
            enterpriseId: actor.orgId,
            districtId,
            subjectId: input.subjectId,
            subjectName: subject.name,
            narrative: input.narrative,
            status: 'submitted',
            createdAt: now,
            updatedAt: now,
          })
          .catch((error) => {
            if (isUniqueViolation(error))
              throw new AppError('DUPLICATE', 'this subject already applied in this round', {
                issues: [{ field: 'subjectId', rule: 'unique', message: 'already applied' }],
              });
            throw error;
          });
        if (input.attachments) await r.replaceAttachments(created.id, [...new Set(input.attachments)]);
        const result = await presentOne(actor, round, created.id, tx);
        await deps.audit.append(tx, actor, {
          action: 'selection.apply',
          entityType: 'selection_application',
          entityId: created.id,
          after: result,
        });
        return result;
      });
    },

    async recommend(
      actor: Actor,
      roundId: string,
      applicationId: string,
      input: { recommended: boolean; comment?: string | undefined },
    ): Promise<Application> {
      if (!actor.permissions.includes('selection:recommend') && !canManage(actor))
        throw forbidden('recommending needs selection:recommend');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        if (round.stage !== 'district_review')
          throw refused('recommend_stage', 'recommendations are made while the round is in district review');
        const app = await visibleApplication(actor, round, applicationId, tx);
        if (app.status === 'withdrawn') throw refused('application_withdrawn', 'the application was withdrawn');
        await createSelectionRepo(tx).updateApplication(app.id, {
          status: input.recommended ? 'recommended' : 'not_recommended',
          districtComment: input.comment ?? null,
          updatedAt: deps.clock.now(),
        });
        await deps.audit.append(tx, actor, {
          action: 'selection.recommend',
          entityType: 'selection_application',
          entityId: app.id,
          before: { status: app.status },
          after: { status: input.recommended ? 'recommended' : 'not_recommended', comment: input.comment ?? null },
        });
        return presentOne(actor, round, app.id, tx);
      });
    },

    /**
     * Assigns experts, refusing any whose affiliation conflicts with the applicant, and more than the
     * round's `expertsPerApplication` in all (already assigned ones count; assigning one again is a no-op).
     */
    async assign(actor: Actor, roundId: string, applicationId: string, expertIds: string[]): Promise<Application> {
      if (!canManage(actor)) throw forbidden('assigning experts needs selection:manage');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const app = await assignable(actor, round, applicationId, tx);
        const r = createSelectionRepo(tx);
        const experts = new Map((await r.findExperts()).map((e) => [e.userId, { ...e, name: e.displayName }]));
        expertIds.forEach((id, i) => {
          const expert = experts.get(id);
          if (!expert) throw fieldRefused(`expertIds.${i}`, 'expert', 'not an active expert');
          const conflict = conflictOf(round.conflictRules, { orgId: expert.affiliationOrgId, districtId: expert.districtId }, app);
          if (conflict)
            throw new AppError('VALIDATION_FAILED', `${expert.name}: ${conflict}`, {
              issues: [
                {
                  field: `expertIds.${i}`,
                  rule: 'conflict_of_interest',
                  message: `${expert.name}: ${conflict}`,
                  expertId: id,
                  reason: conflictReason(conflict),
                },
              ],
            });
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
        return presentOne(actor, round, app.id, tx);
      });
    },

    /** Takes an expert off an application (e.g. assigned by mistake) — not once they have scored it. */
    async unassign(actor: Actor, roundId: string, applicationId: string, expertId: string): Promise<Application> {
      if (!canManage(actor)) throw forbidden('unassigning experts needs selection:manage');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const app = await visibleApplication(actor, round, applicationId, tx);
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
        return presentOne(actor, round, app.id, tx);
      });
    },

    /** Who is assigned to an application and whether they have scored (organisers only; scores stay hidden). */
    async assignments(actor: Actor, roundId: string, applicationId: string): Promise<Assignment[]> {
      if (!canManage(actor)) throw forbidden('the experts of an application are for organisers (selection:manage)');
      const round = await deps.rounds.getRound(actor, roundId);
      const app = await visibleApplication(actor, round, applicationId);
      const rows = await createSelectionRepo(deps.db).findAssignments([app.id]);
      return rows
        .sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime() || a.expertName.localeCompare(b.expertName))
        .map((a) => ({
          expertId: a.expertId,
          expertName: a.expertName,
          assignedAt: a.assignedAt.toISOString(),
          scored: a.submittedAt !== null,
        }));
    },

    async score(actor: Actor, roundId: string, applicationId: string, input: ScoreInput): Promise<Score> {
      if (!actor.permissions.includes('selection:review') || !actor.userId) throw forbidden('scoring needs selection:review');
      const expertId = actor.userId;
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const app = await visibleApplication(actor, round, applicationId, tx);
        if (round.stage !== 'expert_review') throw refused('score_stage', 'scores are taken while the round is in expert review');
        // The district may have changed its mind after the assignment: only recommended applications are scored.
        if (app.status !== 'recommended')
          throw refused('not_recommended', 'only applications the district recommended are scored', { status: app.status });
        const problems = checkScores(round.rubric, input.scores);
        if (problems.length > 0)
          throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), {
            issues: problems.map((p) => ({ field: `scores.${p.criterion}`, rule: p.rule, message: p.message })),
          });
        const total = weightedTotal(round.rubric, input.scores);
        const now = deps.clock.now();
        await createSelectionRepo(tx).saveScore(app.id, expertId, {
          scores: input.scores,
          total,
          comment: input.comment ?? null,
          submittedAt: now,
        });
        await deps.audit.append(tx, actor, {
          action: 'selection.score',
          entityType: 'selection_application',
          entityId: app.id,
          after: { total },
        });
        return {
          applicationId: app.id,
          expertId,
          expertName: actor.displayName ?? actor.name,
          scores: input.scores,
          total,
          comment: input.comment ?? null,
          submittedAt: now.toISOString(),
        };
      });
    },

    /** Organisers see every score; an expert sees only their own until the round closes. */
    async scores(actor: Actor, roundId: string, applicationId: string): Promise<Score[]> {
      const round = await deps.rounds.getRound(actor, roundId);
      const app = await visibleApplication(actor, round, applicationId);
      const isExpert = actor.role === 'expert';
      if (!canManage(actor) && !isExpert) throw forbidden('individual scores are for organisers and the assigned experts');
      const all = (await createSelectionRepo(deps.db).findAssignments([app.id])).filter((a) => a.submittedAt);
      const visible = isExpert && !AFTER_REVIEW.includes(round.stage) ? all.filter((a) => a.expertId === actor.userId) : all;
      return visible.map((a) => ({
        applicationId: a.applicationId,
        expertId: a.expertId,
        expertName: a.expertName,
        scores: a.scores ?? {},
        total: a.total ?? 0,
        comment: a.comment,
        submittedAt: a.submittedAt?.toISOString() ?? '',
      }));
    },

    async object(actor: Actor, roundId: string, applicationId: string, content: string): Promise<Objection> {
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
      const apps = await createSelectionRepo(deps.db).findApplications(round.id, canManage(actor) ? { all: true } : scopeOf(actor));
      const rows = await createSelectionRepo(deps.db).findObjections(apps.map((a) => a.id));
      return rows.filter((o) => canManage(actor) || o.raisedById === actor.userId).map(toObjection);
    },

    /** An upheld objection takes the application off the selected list. */
    async resolveObjection(
      actor: Actor,
      roundId: string,
      objectionId: string,
      input: { upheld: boolean; resolution: string },
    ): Promise<Objection> {
      if (!canManage(actor)) throw forbidden('resolving objections needs selection:manage');
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

export type ApplicationService = ReturnType<typeof createApplicationService>;

function toObjection(o: {
  id: string;
  applicationId: string;
  content: string;
  raisedBy: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  createdAt: Date;
}): Objection {
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
