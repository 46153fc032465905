import type { Case, CaseInput, Expert } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { OrganisationService } from '../organisations/index.js';
import { applicationPolicy } from './application.policy.js';
import type { ApplicationService } from './application.service.js';
import { fieldRefused, refused } from './refusals.js';
import { roundPolicy } from './round.policy.js';
import type { RoundService } from './round.service.js';
import { type CaseRow, createSelectionRepo } from './selection.repo.js';

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  rounds: Pick<RoundService, 'getRound'>;
  applications: Pick<ApplicationService, 'applicationInRound' | 'visibleApplication'>;
  files: Pick<FileService, 'requireAttachable'>;
  organisations: Pick<OrganisationService, 'findById'>;
}

/** Typical case pages (T-APP-4) and the expert pool's affiliations. */
export function createCaseService(deps: CaseServiceDeps) {
  const repo = createSelectionRepo(deps.db);

  async function present(caseRow: CaseRow): Promise<Case> {
    const app = await repo.findApplication(caseRow.applicationId);
    const round = app && (await repo.findRound(app.roundId));
    if (!app || !round) throw notFound('case');
    return {
      applicationId: app.id,
      roundId: round.id,
      roundTitle: round.title,
      enterpriseId: app.enterpriseId,
      enterpriseName: app.enterpriseName,
      districtName: app.districtName,
      subjectName: app.subjectName,
      background: caseRow.background,
      solution: caseRow.solution,
      network: caseRow.network,
      benefits: caseRow.benefits,
      imageIds: caseRow.imageIds,
      published: round.stage === 'published' && app.selected,
      updatedAt: caseRow.updatedAt.toISOString(),
    };
  }

  return {
    /** Writes the case page of a selected application in a typical-case round (organisers or the applicant). */
    async upsert(actor: Actor, roundId: string, applicationId: string, input: CaseInput): Promise<Case> {
      applicationPolicy.authorize(actor, 'editCase');
      await deps.db.transaction(async (tx) => {
        const round = await deps.rounds.getRound(actor, roundId, tx);
        const app = await deps.applications.applicationInRound(round, applicationId, tx);
        // Organisers and the applicant edit a case page; anyone else does not learn it exists.
        applicationPolicy.authorize(actor, 'editCase', app);
        if (round.kind !== 'typical_case') throw refused('not_typical_case', 'case pages belong to typical-case rounds');
        if (!app.selected) throw refused('not_selected', 'only selected applications get a case page');
        if (input.imageIds.length > 0) {
          const files = await deps.files.requireAttachable(actor, input.imageIds, tx);
          input.imageIds.forEach((id, i) => {
            if (!files.get(id)?.mediaType.startsWith('image/')) throw fieldRefused(`imageIds.${i}`, 'image', 'must be a PNG or JPEG image');
          });
        }
        const before = await createSelectionRepo(tx).findCase(app.id);
        await createSelectionRepo(tx).upsertCase({ applicationId: app.id, ...input, updatedAt: deps.clock.now() });
        await deps.audit.append(tx, actor, {
          action: 'selection.case_save',
          entityType: 'selection_case',
          entityId: app.id,
          before,
          after: input,
        });
      });
      const row = await repo.findCase(applicationId);
      if (!row) throw notFound('case');
      return present(row);
    },

    /** Published typical cases, readable by every signed-in user. */
    async published(): Promise<Case[]> {
      const ids = await repo.findPublishedTypicalCaseIds();
      return Promise.all((await repo.findCases(ids)).map(present));
    },

    async get(actor: Actor, applicationId: string): Promise<Case> {
      const row = await repo.findCase(applicationId);
      if (!row) throw notFound('case');
      const result = await present(row);
      if (result.published) return result;
      // Not yet public: only those who may see the application.
      const app = await repo.findApplication(applicationId);
      const round = app && (await deps.rounds.getRound(actor, app.roundId));
      if (!app || !round) throw notFound('case');
      await deps.applications.visibleApplication(actor, round, applicationId);
      return result;
    },

    async experts(actor: Actor): Promise<Expert[]> {
      roundPolicy.authorize(actor, 'manage');
      return repo.findExperts();
    },

    async setExpertProfile(
      actor: Actor,
      userId: string,
      input: { affiliationOrgId: string | null; districtId: string | null; specialties?: string | null | undefined },
    ): Promise<Expert> {
      roundPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const r = createSelectionRepo(tx);
        const expert = (await r.findExperts()).find((e) => e.userId === userId);
        if (!expert) throw notFound('expert');
        if (input.affiliationOrgId && !(await deps.organisations.findById(input.affiliationOrgId, tx)))
          throw fieldError('VALIDATION_FAILED', 'affiliationOrgId', 'exists', 'no such organisation');
        if (input.districtId && (await deps.organisations.findById(input.districtId, tx))?.kind !== 'district')
          throw fieldError('VALIDATION_FAILED', 'districtId', 'exists', 'must name a district');
        await r.upsertExpertProfile({
          userId,
          affiliationOrgId: input.affiliationOrgId,
          districtId: input.districtId,
          specialties: input.specialties ?? null,
        });
        const after = (await r.findExperts()).find((e) => e.userId === userId);
        await deps.audit.append(tx, actor, {
          action: 'selection.expert_profile',
          entityType: 'user',
          entityId: userId,
          before: expert,
          after,
        });
        return after as Expert;
      });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
