import { AFTER_REVIEW_STAGES, type Application, type ApplyInput } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { FactoryService } from '../factories/index.js';
import type { ProjectService } from '../projects/index.js';
import type { SanctionService } from '../sanctions/index.js';
import { applicationPolicy, reviewerOf } from './application.policy.js';
import { blindFor, redactForBlindReview } from './blind.js';
import { fieldRefused, refused } from './refusals.js';
import { requireNoConflict } from './review-conflicts.js';
import { roundPolicy } from './round.policy.js';
import type { RoundService } from './round.service.js';
import { type ApplicationScope, type ApplicationWithNames, createSelectionRepo, type RoundRow } from './selection.repo.js';

export interface ApplicationServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  rounds: Pick<RoundService, 'getRound'>;
  files: Pick<FileService, 'requireAttachable' | 'describe'>;
  factories: Pick<FactoryService, 'summaries'>;
  projects: Pick<ProjectService, 'summaries'>;
  sanctions: Pick<SanctionService, 'assertNotBarred'>;
}

/** Applications and the district's recommendation (issue #3 item 4); who sees which is the application policy. */
export function createApplicationService(deps: ApplicationServiceDeps) {
  /** Which applications of a round an actor reaches, as the repository's filter. */
  function scopeOf(actor: Actor): ApplicationScope {
    const reviewer = reviewerOf(actor);
    if (reviewer) return { expertId: reviewer };
    const reach = applicationPolicy.reach(actor, 'read');
    if (reach.all) return { all: true };
    return 'districtId' in reach ? { districtId: reach.districtId } : { enterpriseId: reach.orgId };
  }

  /** The application if it belongs to the round (any actor), else 404. */
  async function applicationInRound(round: RoundRow, applicationId: string, db: DbOrTx = deps.db): Promise<ApplicationWithNames> {
    const app = await createSelectionRepo(db).findApplication(applicationId);
    if (!app || app.roundId !== round.id) throw notFound('application');
    return app;
  }

  /** The application if the actor may read it (policy scope, or an expert's assignment), else 404. */
  async function visibleApplication(
    actor: Actor,
    round: RoundRow,
    applicationId: string,
    db: DbOrTx = deps.db,
  ): Promise<ApplicationWithNames> {
    const app = await applicationInRound(round, applicationId, db);
    if (applicationPolicy.can(actor, 'read', app)) return app;
    // An unassigned expert cannot even open the application; an assigned one whose affiliation
    // conflicts with it now (it may have changed since the assignment) is refused with the rule.
    const reviewer = reviewerOf(actor);
    if (!reviewer || !(await createSelectionRepo(db).findAssignment(app.id, reviewer))) throw notFound('application');
    await requireNoConflict(db, round, app, reviewer);
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
    const showScores = roundPolicy.allows(actor, 'manage') || AFTER_REVIEW_STAGES.includes(round.stage);
    const blind = blindFor(actor, round);
    return apps.map((a) => {
      const mine = assignments.filter((x) => x.applicationId === a.id);
      const application: Application = {
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
        scoreBasis: showScores ? (a.scoreBasis ?? null) : null,
        selected: a.selected,
        assignedExperts: mine.length,
        submittedScores: mine.filter((x) => x.submittedAt).length,
        createdAt: a.createdAt.toISOString(),
        blind: false,
      };
      return blind ? redactForBlindReview(application) : application;
    });
  }

  async function presentOne(actor: Actor, round: RoundRow, id: string, db: DbOrTx): Promise<Application> {
    const app = await createSelectionRepo(db).findApplication(id);
    if (!app) throw notFound('application');
    const [result] = await present(actor, round, [app], db);
    return result as Application;
  }

  return {
    scopeOf,
    applicationInRound,
    visibleApplication,
    presentOne,

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
      applicationPolicy.authorize(actor, 'apply');
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
        // A sanctioned enterprise takes part in no selection while barred (取消资格, issue #16 item 2).
        await deps.sanctions.assertNotBarred({ organisationId: actor.orgId }, tx);
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
      applicationPolicy.authorize(actor, 'recommend');
      return deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        if (round.stage !== 'district_review')
          throw refused('recommend_stage', 'recommendations are made while the round is in district review');
        const app = await applicationInRound(round, applicationId, tx);
        applicationPolicy.authorize(actor, 'recommend', app);
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
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
