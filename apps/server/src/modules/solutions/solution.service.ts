import {
  type CreateSolution,
  type PublicSolution,
  type PublicSolutionQuery,
  SOLUTION_EDITABLE_STATES,
  type Solution,
  type SolutionListQuery,
  type SolutionTransitionInput,
  solutionActionsFor,
  solutionTransition,
  type UpdateSolution,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { CodeListService } from '../codelists/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { solutionStepNotices } from './solution.notifications.js';
import { solutionPolicy } from './solution.policy.js';
import { createSolutionRepo, type SolutionWithProvider } from './solution.repo.js';
import { type CodeNames, toPublicSolution, toSolution } from './solution.view.js';

export interface SolutionServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'findById'>;
  codeLists: Pick<CodeListService, 'activeCodes'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** Providers' solutions (issue #15 item 2): records, lifecycle with city review, public catalogue. */
export function createSolutionService(deps: SolutionServiceDeps) {
  const repo = createSolutionRepo(deps.db);

  async function codeNames(db: DbOrTx = deps.db): Promise<CodeNames> {
    const names = async (key: 'industry' | 'scenario') =>
      new Map([...(await deps.codeLists.activeCodes(key, db))].map(([code, item]) => [code, item.nameZh]));
    return { industry: await names('industry'), scenario: await names('scenario') };
  }

  /** Published solutions are everyone's to read; the others their provider's and the city's. */
  const readable = (actor: Actor, row: SolutionWithProvider) =>
    row.solution.state === 'published' || solutionPolicy.can(actor, 'read', row.solution);

  function present(actor: Actor, row: SolutionWithProvider, names: CodeNames): Solution {
    const owner = solutionPolicy.can(actor, 'write', row.solution);
    const actions = solutionActionsFor(row.solution.state, { provider: owner, city: solutionPolicy.allows(actor, 'review') });
    return toSolution(row, names, actions, owner && SOLUTION_EDITABLE_STATES.includes(row.solution.state));
  }

  async function getVisible(actor: Actor, id: string, db: DbOrTx = deps.db): Promise<SolutionWithProvider> {
    const row = await createSolutionRepo(db).findById(id);
    if (!row || !readable(actor, row)) throw notFound('solution');
    return row;
  }

  /** Codes must be active in their code list (kept codes of the record stay valid once retired). */
  async function checkCodes(tx: DbOrTx, input: CreateSolution | UpdateSolution, kept?: SolutionWithProvider) {
    for (const key of ['industry', 'scenario'] as const) {
      const field = key === 'industry' ? 'industries' : 'scenarios';
      const codes = input[field];
      if (!codes) continue;
      const active = await deps.codeLists.activeCodes(key, tx);
      const known = new Set(kept?.solution[field] ?? []);
      codes.forEach((code, i) => {
        if (!active.has(code) && !known.has(code))
          throw fieldError('VALIDATION_FAILED', `${field}.${i}`, 'code_list', `${code} is not an active ${key} code`);
      });
    }
  }

  return {
    codeNames,

    async list(actor: Actor, query: SolutionListQuery) {
      const page = await repo.findPage(solutionPolicy.reach(actor, 'read'), query);
      const names = await codeNames();
      return { items: page.items.map((row) => present(actor, row, names)), total: page.total };
    },

    async listPublic(query: PublicSolutionQuery): Promise<{ items: PublicSolution[]; total: number }> {
      const page = await repo.findPublishedPage(query);
      const names = await codeNames();
      return { items: page.items.map((row) => toPublicSolution(row, names)), total: page.total };
    },

    /** For matching: every published solution (of one provider, when named). */
    async published(providerId?: string, db: DbOrTx = deps.db): Promise<SolutionWithProvider[]> {
      return createSolutionRepo(db).findPublished(providerId);
    },

    /** For other modules: a solution the actor may read, or 404. */
    async readableRow(actor: Actor, id: string, db: DbOrTx = deps.db): Promise<SolutionWithProvider> {
      return getVisible(actor, id, db);
    },

    async get(actor: Actor, id: string): Promise<Solution> {
      return present(actor, await getVisible(actor, id), await codeNames());
    },

    async create(actor: Actor, input: CreateSolution): Promise<Solution> {
      solutionPolicy.authorize(actor, 'write');
      const providerId = actor.scope === 'organisation' ? actor.orgId : input.providerId;
      if (!providerId) throw fieldError('VALIDATION_FAILED', 'providerId', 'required', 'name the provider that offers the solution');
      return deps.db.transaction(async (tx) => {
        const provider = await deps.organisations.findById(providerId, tx);
        if (!provider || provider.kind !== 'provider')
          throw fieldError('VALIDATION_FAILED', 'providerId', 'exists', 'no such provider or operator');
        solutionPolicy.authorize(actor, 'write', { providerId });
        await checkCodes(tx, input);
        const now = deps.clock.now();
        const { providerId: _p, ...fields } = input;
        const created = await createSolutionRepo(tx).insert({ ...fields, providerId, state: 'draft', createdAt: now, updatedAt: now });
        const row = await getVisible(actor, created.id, tx);
        const result = present(actor, row, await codeNames(tx));
        await deps.audit.append(tx, actor, { action: 'solution.create', entityType: 'solution', entityId: created.id, after: result });
        return result;
      });
    },

    async update(actor: Actor, id: string, input: UpdateSolution): Promise<Solution> {
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, id, tx);
        solutionPolicy.authorize(actor, 'write', current.solution);
        if (!SOLUTION_EDITABLE_STATES.includes(current.solution.state))
          throw refusal(
            'CONFLICT',
            'solution.not_editable',
            'only draft or returned solutions are edited; retire a published one and write it again',
            {
              state: current.solution.state,
            },
          );
        await checkCodes(tx, input, current);
        const names = await codeNames(tx);
        const before = present(actor, current, names);
        const { version, ...fields } = input;
        const updated = await createSolutionRepo(tx).updateVersioned(id, version, { ...fields, updatedAt: deps.clock.now() });
        if (!updated) throw staleVersion('solution');
        const after = present(actor, await getVisible(actor, id, tx), names);
        await deps.audit.append(tx, actor, { action: 'solution.update', entityType: 'solution', entityId: id, before, after });
        return after;
      });
    },

    async transition(actor: Actor, id: string, input: SolutionTransitionInput): Promise<Solution> {
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, id, tx);
        const step = solutionTransition(input.action, current.solution.state);
        if (!step)
          throw refusal('CONFLICT', 'solution.transition_not_allowed', `a ${current.solution.state} solution cannot be ${input.action}ed`, {
            action: input.action,
            state: current.solution.state,
          });
        if (step.side === 'city') solutionPolicy.authorize(actor, 'review');
        else if (!(step.action === 'retire' && solutionPolicy.allows(actor, 'review')))
          solutionPolicy.authorize(actor, 'write', current.solution);
        // A step by someone outside the provider is news to the provider.
        const byCity = actor.orgId !== current.solution.providerId;
        const comment = input.comment?.trim() || null;
        if (step.comment === 'required' && !comment) throw fieldError('VALIDATION_FAILED', 'comment', 'required', 'say what to change');
        const now = deps.clock.now();
        const updated = await createSolutionRepo(tx).updateVersioned(id, input.version, {
          state: step.to,
          reviewComment: step.side === 'city' ? comment : current.solution.reviewComment,
          publishedAt: step.to === 'published' ? now : current.solution.publishedAt,
          updatedAt: now,
        });
        if (!updated) throw staleVersion('solution');
        const after = present(actor, await getVisible(actor, id, tx), await codeNames(tx));
        await deps.audit.append(tx, actor, {
          action: `solution.${input.action}`,
          entityType: 'solution',
          entityId: id,
          before: { state: current.solution.state },
          after: { state: step.to, comment },
        });
        for (const notice of solutionStepNotices({
          solution: current.solution,
          providerName: current.providerName,
          action: input.action,
          comment,
          byCity,
        }))
          await deps.notifications.notify(tx, notice.recipients, notice.message, { except: [actor.userId] });
        return after;
      });
    },
  };
}

export type SolutionService = ReturnType<typeof createSolutionService>;
