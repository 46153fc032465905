import { randomUUID } from 'node:crypto';
import type {
  CreateFundApplication,
  FundApplication,
  FundApplicationListQuery,
  FundApplicationSummary,
  UpdateFundApplication,
} from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import { listAll } from '../../platform/tabular/export.js';
import { actorName, bankAccountContext, type FundServiceDeps } from './fund.deps.js';
import { fundApplicationPolicy, fundStepsFor } from './fund.policy.js';
import { maskBankAccount, presentApplication, presentSummary } from './fund.present.js';
import { createFundRepo, type FundProgrammeRow } from './fund.repo.js';

type Content = Omit<UpdateFundApplication, 'version'>;

/**
 * Checks what an application names: the enterprise's own project, links to its own factory,
 * network or selection application, a level the programme knows, evidence files it may attach.
 */
async function checkContent(deps: FundServiceDeps, tx: DbOrTx, actor: Actor, programme: FundProgrammeRow, input: Content) {
  const repo = createFundRepo(tx);
  const project = await repo.projectFacts(input.projectId);
  if (!project || project.enterpriseId !== actor.orgId)
    throw fieldError('VALIDATION_FAILED', 'projectId', 'exists', 'must name a project of your enterprise');
  const owners = await repo.linkOwners(input);
  for (const [link, field] of [
    ['factory', 'factoryId'],
    ['network', 'networkId'],
    ['selection', 'selectionApplicationId'],
  ] as const) {
    const owner = owners[link];
    if (owner !== undefined && owner !== actor.orgId)
      throw fieldError('VALIDATION_FAILED', field, 'exists', `must name a record of your enterprise`);
  }
  const rule = programme.awardRule;
  if (rule.kind === 'fixed' && !rule.levels.some((l) => l.code === input.level))
    throw fieldError('VALIDATION_FAILED', 'level', 'one_of', `the level is one of ${rule.levels.map((l) => l.code).join(', ')}`);
  await deps.files.requireAttachable(
    actor,
    input.evidence.map((e) => e.fileId),
    tx,
  );
  return project;
}

const contentColumns = (input: Content) => ({
  projectId: input.projectId,
  factoryId: input.factoryId ?? null,
  networkId: input.networkId ?? null,
  selectionApplicationId: input.selectionApplicationId ?? null,
  requestedAmount: input.requestedAmount,
  level: input.level ?? null,
  description: input.description ?? null,
  bankName: input.bankName,
});

const evidenceRows = (applicationId: string, input: Content) =>
  input.evidence.map((e, position) => ({
    applicationId,
    position,
    fileId: e.fileId,
    kind: e.kind,
    number: e.number ?? null,
    amount: e.amount ?? null,
  }));

/** Enterprises' applications: reading within reach, drafting and editing their own. */
export function createFundApplicationService(deps: FundServiceDeps) {
  const present = (db: DbOrTx, actor: Actor | null, id: string) => presentApplication(db, deps.files, actor, id, deps.clock.now());
  return {
    async list(actor: Actor, query: FundApplicationListQuery): Promise<{ items: FundApplicationSummary[]; total: number }> {
      const scope = fundApplicationPolicy.reach(actor, 'read');
      const page = await createFundRepo(deps.db).listApplications(scope, query, query);
      return { items: page.items.map(presentSummary), total: page.total };
    },
    /** Every application of the filtered list in reach, for the export (at most MAX_EXPORT_ROWS). */
    async listForExport(actor: Actor, query: FundApplicationListQuery): Promise<FundApplicationSummary[]> {
      const scope = fundApplicationPolicy.reach(actor, 'read');
      const repo = createFundRepo(deps.db);
      return listAll('applications', async (page, pageSize) => {
        const found = await repo.listApplications(scope, query, { page, pageSize });
        return { items: found.items.map(presentSummary), total: found.total };
      });
    },
    async get(actor: Actor, id: string): Promise<FundApplication> {
      fundApplicationPolicy.authorize(actor, 'read');
      const found = await createFundRepo(deps.db).findApplication(id);
      if (!found) throw notFound('fund application');
      fundApplicationPolicy.authorize(actor, 'read', found.row);
      return present(deps.db, actor, id);
    },
    /** Whether a file is evidence of an application the actor may read (the files module asks). */
    async canReadEvidence(actor: Actor, fileId: string): Promise<boolean> {
      if (!fundApplicationPolicy.allows(actor, 'read')) return false;
      const repo = createFundRepo(deps.db);
      for (const { applicationId } of await repo.isEvidenceFile(fileId)) {
        const found = await repo.findApplication(applicationId);
        if (found && fundApplicationPolicy.can(actor, 'read', found.row)) return true;
      }
      return false;
    },
    async create(actor: Actor, input: CreateFundApplication): Promise<FundApplication> {
      fundApplicationPolicy.authorize(actor, 'apply');
      if (actor.scope !== 'organisation')
        throw refusal('FORBIDDEN', 'fund.enterprise_only', 'applications are made by the enterprise’s own users');
      return deps.db.transaction(async (tx) => {
        const repo = createFundRepo(tx);
        const programme = await repo.findProgramme(input.programmeId);
        if (!programme) throw fieldError('VALIDATION_FAILED', 'programmeId', 'exists', 'must name a fund programme');
        const project = await checkContent(deps, tx, actor, programme, input);
        const id = randomUUID();
        const now = deps.clock.now();
        await repo.insertApplication({
          id,
          code: await repo.nextCode(Number(chinaDate(now).slice(0, 4))),
          programmeId: programme.id,
          enterpriseId: actor.orgId,
          districtId: project.districtId,
          ...contentColumns(input),
          bankAccountSealed: deps.sealer.seal(input.bankAccount, bankAccountContext(id)),
          bankAccountMasked: maskBankAccount(input.bankAccount),
          createdAt: now,
          updatedAt: now,
        });
        await repo.replaceEvidence(id, evidenceRows(id, input));
        await repo.insertEvent({
          applicationId: id,
          action: 'create',
          fromState: null,
          toState: 'draft',
          actorId: actor.userId,
          actorName: actorName(actor),
          occurredAt: now,
        });
        const result = await present(tx, actor, id);
        // The audit entry is the presented application: the account only masked.
        await deps.audit.append(tx, actor, {
          action: 'fund_application.create',
          entityType: 'fund_application',
          entityId: id,
          after: result,
        });
        return result;
      });
    },
    async update(actor: Actor, id: string, input: UpdateFundApplication): Promise<FundApplication> {
      fundApplicationPolicy.authorize(actor, 'apply');
      return deps.db.transaction(async (tx) => {
        const repo = createFundRepo(tx);
        const found = await repo.findApplication(id);
        if (!found) throw notFound('fund application');
        fundApplicationPolicy.authorize(actor, 'read', found.row);
        if (!fundStepsFor(actor, found.row).includes('edit'))
          throw refusal('CONFLICT', 'fund.not_editable', 'only the enterprise edits its draft or returned application', {
            state: found.row.state,
          });
        const programme = await repo.findProgramme(found.row.programmeId);
        if (!programme) throw notFound('fund programme');
        await checkContent(deps, tx, actor, programme, input);
        const before = await present(tx, null, id);
        const account = input.bankAccount
          ? {
              bankAccountSealed: deps.sealer.seal(input.bankAccount, bankAccountContext(id)),
              bankAccountMasked: maskBankAccount(input.bankAccount),
            }
          : {};
        const project = await repo.projectFacts(input.projectId);
        const ok = await repo.updateApplication(id, input.version, {
          ...contentColumns(input),
          ...account,
          districtId: project?.districtId ?? found.row.districtId,
          updatedAt: deps.clock.now(),
        });
        if (!ok) throw staleVersion('fund application');
        await repo.replaceEvidence(id, evidenceRows(id, input));
        const result = await present(tx, actor, id);
        await deps.audit.append(tx, actor, {
          action: 'fund_application.update',
          entityType: 'fund_application',
          entityId: id,
          before,
          after: result,
        });
        return result;
      });
    },
  };
}

export type FundApplicationService = ReturnType<typeof createFundApplicationService>;
