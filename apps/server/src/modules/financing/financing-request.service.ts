import type {
  CreateFinancingRequest,
  FinancingBank,
  FinancingListQuery,
  FinancingRequest,
  FinancingRequestSummary,
  FinancingStatistics,
  FinancingTransition,
  ListQuery,
  UpdateFinancingRequest,
} from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { fieldError, refusal, staleVersion } from '../../platform/errors.js';
import type { FinancingDeps } from './financing.deps.js';
import { submittedNotice, withdrawnNotice } from './financing.notifications.js';
import { financingPolicy } from './financing.policy.js';
import { presentSummary } from './financing.present.js';
import { createFinancingRepo } from './financing.repo.js';
import { loadRequest, openForStep, presentNow } from './financing-load.js';

type Content = Omit<UpdateFinancingRequest, 'version'>;

/** The project must be the enterprise's own; every bank named must be a bank. */
async function checkContent(tx: DbOrTx, actor: Actor, input: Content) {
  const repo = createFinancingRepo(tx);
  const project = await repo.projectFacts(input.projectId);
  if (!project || project.enterpriseId !== actor.orgId || !project.districtId)
    throw fieldError('VALIDATION_FAILED', 'projectId', 'exists', 'must name a project of your enterprise');
  const banks = await repo.bankIdsAmong(input.bankIds);
  const unknown = input.bankIds.findIndex((id) => !banks.has(id));
  if (unknown >= 0) throw fieldError('VALIDATION_FAILED', `bankIds.${unknown}`, 'exists', 'must name a bank');
  return { districtId: project.districtId };
}

const contentColumns = (input: Content) => ({
  projectId: input.projectId,
  amount: input.amount,
  termMonths: input.termMonths,
  purpose: input.purpose,
  collateralKind: input.collateralKind,
  collateralNote: input.collateralNote ?? null,
  bankIds: input.bankIds,
});

/** Enterprises' side of financing: reading in reach, drafting, submitting, withdrawing; the volumes. */
export function createFinancingRequestService(deps: FinancingDeps) {
  const audit = (tx: DbOrTx, actor: Actor, action: string, id: string, before: FinancingRequest | null, after: FinancingRequest) =>
    deps.audit.append(tx, actor, { action: `financing_request.${action}`, entityType: 'financing_request', entityId: id, before, after });

  return {
    async banks(actor: Actor, query: ListQuery): Promise<{ items: FinancingBank[]; total: number }> {
      financingPolicy.authorize(actor, 'read');
      return createFinancingRepo(deps.db).listBanks(query.q, query);
    },
    async list(actor: Actor, query: FinancingListQuery): Promise<{ items: FinancingRequestSummary[]; total: number }> {
      const scope = financingPolicy.reach(actor, 'read');
      const myBank = actor.role === 'bank_user' ? actor.orgId : null;
      const page = await createFinancingRepo(deps.db).listRequests(scope, query, query, myBank);
      return { items: page.items.map(presentSummary), total: page.total };
    },
    async get(actor: Actor, id: string): Promise<FinancingRequest> {
      financingPolicy.authorize(actor, 'read');
      await loadRequest(deps.db, actor, id);
      return presentNow(deps, deps.db, actor, id);
    },
    async create(actor: Actor, input: CreateFinancingRequest): Promise<FinancingRequest> {
      financingPolicy.authorize(actor, 'request');
      if (actor.scope !== 'organisation')
        throw refusal('FORBIDDEN', 'financing.enterprise_only', 'financing requests are sent by the enterprise’s own users');
      return deps.db.transaction(async (tx) => {
        const repo = createFinancingRepo(tx);
        const { districtId } = await checkContent(tx, actor, input);
        const now = deps.clock.now();
        const id = crypto.randomUUID();
        await repo.insertRequest({
          id,
          code: await repo.nextCode(Number(chinaDate(now).slice(0, 4))),
          enterpriseId: actor.orgId,
          districtId,
          ...contentColumns(input),
          createdAt: now,
          updatedAt: now,
        });
        const result = await presentNow(deps, tx, actor, id);
        await audit(tx, actor, 'create', id, null, result);
        return result;
      });
    },
    async update(actor: Actor, id: string, input: UpdateFinancingRequest): Promise<FinancingRequest> {
      financingPolicy.authorize(actor, 'request');
      return deps.db.transaction(async (tx) => {
        const { repo } = await openForStep(deps, tx, actor, id, 'edit');
        const { districtId } = await checkContent(tx, actor, input);
        const before = await presentNow(deps, tx, null, id);
        if (!(await repo.updateRequest(id, input.version, { ...contentColumns(input), districtId, updatedAt: deps.clock.now() })))
          throw staleVersion('financing request');
        const result = await presentNow(deps, tx, actor, id);
        await audit(tx, actor, 'update', id, before, result);
        return result;
      });
    },
    /** Submit and withdraw (the enterprise), close once the loan is granted (the accepting bank). */
    async transition(actor: Actor, id: string, input: FinancingTransition): Promise<FinancingRequest> {
      return deps.db.transaction(async (tx) => {
        const { repo, found } = await openForStep(deps, tx, actor, id, input.action);
        const before = await presentNow(deps, tx, null, id);
        const now = deps.clock.now();
        const to = input.action === 'submit' ? 'submitted' : input.action === 'withdraw' ? 'withdrawn' : 'closed';
        const patch = {
          state: to,
          updatedAt: now,
          ...(to === 'submitted' ? { submittedAt: now } : {}),
          ...(to === 'closed' ? { closedAt: now } : {}),
        } as const;
        if (!(await repo.updateRequest(id, input.version, patch))) throw staleVersion('financing request');
        if (to === 'submitted')
          await repo.insertRoutes(found.row.bankIds.map((bankId) => ({ requestId: id, bankId, state: 'pending' as const, routedAt: now })));
        const result = await presentNow(deps, tx, actor, id);
        await audit(tx, actor, input.action, id, before, { ...result, comment: input.comment ?? null } as FinancingRequest);
        const notice =
          to === 'submitted'
            ? submittedNotice(result, found.row.bankIds)
            : to === 'withdrawn'
              ? withdrawnNotice(
                  result,
                  found.routes.filter((r) => r.route.state !== 'declined').map((r) => r.route.bankId),
                )
              : null;
        if (notice && notice.recipients.length > 0)
          await deps.notifications.notify(tx, notice.recipients, notice.message, { except: actor.userId ? [actor.userId] : [] });
        return result;
      });
    },
    async statistics(actor: Actor): Promise<FinancingStatistics> {
      const scope = financingPolicy.reach(actor, 'read');
      const s = await createFinancingRepo(deps.db).statistics(scope);
      return {
        byState: s.byState.map((r) => ({ state: r.state, count: r.count, amount: r.amount ?? '0' })),
        byDistrict: s.byDistrict.map((r) => ({ ...r, requestedAmount: r.requestedAmount ?? '0' })),
        byBank: s.byBank,
      };
    },
  };
}

export type FinancingRequestService = ReturnType<typeof createFinancingRequestService>;
