import {
  type DecideFundAward,
  defaultAward,
  type FundApplication,
  type FundApplicationState,
  type FundTransition,
  fromFen,
  type RecordFundObjection,
  type RecordFundTranche,
  type ResolveFundObjection,
  toFen,
} from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import { actorName, type FundServiceDeps } from './fund.deps.js';
import { fundStepNotice } from './fund.notifications.js';
import { type FundStep, fundApplicationPolicy, fundStepsFor, stepsOfState } from './fund.policy.js';
import { judge, presentApplication } from './fund.present.js';
import { createFundRepo, type FundApplicationRow, type FundProgrammeRow } from './fund.repo.js';

/** Where each step leads from each state. */
const NEXT: Partial<Record<FundApplicationState, Partial<Record<FundTransition['action'], FundApplicationState>>>> = {
  draft: { submit: 'submitted' },
  returned: { submit: 'submitted' },
  submitted: { approve: 'city_review', return: 'returned' },
  city_review: { approve: 'publicity', return: 'returned', reject: 'rejected' },
  publicity: { reject: 'rejected' },
};

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The review workflow of applications: submission, district and city review, 公示, award, disbursement. */
export function createFundWorkflowService(deps: FundServiceDeps) {
  const today = () => chinaDate(deps.clock.now());

  /** Loads the application in reach and refuses a step the actor may not take in its state. */
  async function open(tx: DbOrTx, actor: Actor, id: string, step: FundStep) {
    const repo = createFundRepo(tx);
    const found = await repo.findApplication(id);
    if (!found) throw notFound('fund application');
    fundApplicationPolicy.authorize(actor, 'read', found.row);
    if (!stepsOfState(found.row.state).includes(step))
      throw refusal('CONFLICT', 'fund.step_not_allowed', `${step} is not a step of an application in state ${found.row.state}`, {
        state: found.row.state,
        step,
      });
    if (!fundStepsFor(actor, found.row).includes(step))
      throw refusal('FORBIDDEN', 'fund.not_your_step', `${step} in state ${found.row.state} is not yours to take`, {
        state: found.row.state,
        step,
      });
    const programme = await repo.findProgramme(found.row.programmeId);
    if (!programme) throw notFound('fund programme');
    return { repo, found, row: found.row, programme };
  }

  /** Eligibility and the ceiling judged now; refuses an ineligible application with every reason. */
  async function requireEligible(tx: DbOrTx, programme: FundProgrammeRow, row: FundApplicationRow) {
    const judged = await judge(tx, programme, row);
    if (judged.reasons.length > 0)
      throw refusal(
        'VALIDATION_FAILED',
        'fund.ineligible',
        'the application does not meet the programme’s eligibility rules',
        { count: judged.reasons.length },
        {
          eligibility: judged.reasons,
        },
      );
    if (!judged.ceiling.ok)
      throw refusal('VALIDATION_FAILED', `fund.${judged.ceiling.problem}`, 'the award rule cannot be applied to this application');
    return { reasons: judged.reasons, ceiling: judged.ceiling.amount };
  }

  async function finish(
    tx: DbOrTx,
    actor: Actor,
    id: string,
    auditAction: string,
    before: FundApplication,
    notifyTo: FundApplicationState | null,
    comment: string | null,
  ) {
    const result = await presentApplication(tx, deps.files, actor, id, deps.clock.now());
    await deps.audit.append(tx, actor, { action: auditAction, entityType: 'fund_application', entityId: id, before, after: result });
    if (notifyTo) {
      const notice = fundStepNotice(result, notifyTo, comment);
      await deps.notifications.notify(tx, notice.recipients, notice.message, { except: actor.userId ? [actor.userId] : [] });
    }
    return result;
  }

  const snapshot = (tx: DbOrTx, id: string) => presentApplication(tx, deps.files, null, id, deps.clock.now());
  const event = (actor: Actor) => ({ actorId: actor.userId, actorName: actorName(actor), occurredAt: deps.clock.now() });

  return {
    async transition(actor: Actor, id: string, input: FundTransition): Promise<FundApplication> {
      return deps.db.transaction(async (tx) => {
        const { repo, row, programme } = await open(tx, actor, id, input.action);
        const to = NEXT[row.state]?.[input.action];
        if (!to) throw refusal('CONFLICT', 'fund.step_not_allowed', 'not a transition', { state: row.state, step: input.action });
        const before = await snapshot(tx, id);
        const patch: Partial<FundApplicationRow> = { state: to, updatedAt: deps.clock.now() };
        if (input.action === 'submit') {
          await deps.sanctions.assertNotBarred({ organisationId: row.enterpriseId }, tx);
          const day = today();
          if (day < programme.opensOn || day > programme.closesOn)
            throw refusal('CONFLICT', 'fund.window_closed', 'the programme does not take applications today', {
              opensOn: programme.opensOn,
              closesOn: programme.closesOn,
            });
          const { reasons, ceiling } = await requireEligible(tx, programme, row);
          if (toFen(row.requestedAmount) > toFen(ceiling))
            throw refusal('VALIDATION_FAILED', 'fund.amount_over_cap', 'the amount requested is above what the award rule allows', {
              ceiling,
            });
          Object.assign(patch, { submittedAt: deps.clock.now(), eligibilityReasons: reasons, eligibilityCheckedAt: deps.clock.now() });
        }
        if (input.action === 'approve' && to === 'publicity') patch.publicityEndsOn = addDays(today(), programme.publicityDays);
        if (!(await repo.updateApplication(id, input.version, patch))) throw staleVersion('fund application');
        await repo.insertEvent({
          applicationId: id,
          action: input.action,
          fromState: row.state,
          toState: to,
          comment: input.comment ?? null,
          ...event(actor),
        });
        return finish(tx, actor, id, `fund_application.${input.action}`, before, to, input.comment ?? null);
      });
    },

    async recordObjection(actor: Actor, id: string, input: RecordFundObjection): Promise<FundApplication> {
      return deps.db.transaction(async (tx) => {
        const { repo } = await open(tx, actor, id, 'object');
        const before = await snapshot(tx, id);
        await repo.insertObjection({ applicationId: id, objector: input.objector, content: input.content, ...event(actor) });
        return finish(tx, actor, id, 'fund_application.object', before, null, null);
      });
    },

    async resolveObjection(actor: Actor, id: string, objectionId: string, input: ResolveFundObjection): Promise<FundApplication> {
      return deps.db.transaction(async (tx) => {
        const { repo } = await open(tx, actor, id, 'object');
        const before = await snapshot(tx, id);
        const resolved = await repo.resolveObjection(id, objectionId, { ...input, resolvedBy: actor.userId, resolvedAt: deps.clock.now() });
        if (!resolved)
          throw refusal('CONFLICT', 'fund.objection_resolved', 'the objection was already resolved (or is not this application’s)');
        return finish(tx, actor, id, 'fund_application.resolve_objection', before, null, null);
      });
    },

    /** The first decision awards after 公示; later ones change the amount, never below what was paid. */
    async decide(actor: Actor, id: string, input: DecideFundAward): Promise<FundApplication> {
      return deps.db.transaction(async (tx) => {
        const probe = await createFundRepo(tx).findApplication(id);
        const first = probe?.row.state === 'publicity';
        const { repo, row, programme, found } = await open(tx, actor, id, first ? 'award' : 'revise');
        const before = await snapshot(tx, id);
        if (first) {
          if (row.publicityEndsOn && today() <= row.publicityEndsOn)
            throw refusal('CONFLICT', 'fund.publicity_running', 'the publicity period has not ended', { endsOn: row.publicityEndsOn });
          const objections = await repo.objectionsOf(id);
          if (objections.some((o) => o.upheld === null))
            throw refusal('CONFLICT', 'fund.objection_open', 'an objection is not resolved yet');
          if (objections.some((o) => o.upheld === true))
            throw refusal('CONFLICT', 'fund.objection_upheld', 'an objection was upheld: the application is rejected, not awarded');
          await deps.sanctions.assertNotBarred({ organisationId: row.enterpriseId }, tx);
        } else if (input.amount === undefined)
          throw fieldError('VALIDATION_FAILED', 'amount', 'required', 'a changed award names its amount');
        // Eligibility is judged again at the award (issue #16 item 1), and recorded.
        const { reasons, ceiling } = await requireEligible(tx, programme, row);
        const amount = input.amount ?? defaultAward(row.requestedAmount, ceiling);
        if (toFen(amount) > toFen(ceiling))
          throw refusal('VALIDATION_FAILED', 'fund.amount_over_cap', 'the amount is above what the award rule allows', { ceiling });
        const disbursed = toFen(found.disbursedAmount);
        if (toFen(amount) < disbursed)
          throw refusal('CONFLICT', 'fund.below_disbursed', 'the award cannot fall below what was already paid', {
            disbursed: fromFen(disbursed),
          });
        const budget = (await repo.budgetsOf(programme.id)).reduce((sum, b) => sum + toFen(b.amount), 0n);
        const awarded = toFen((await repo.programmeFigures(programme.id)).awardedTotal) - toFen(row.awardedAmount ?? '0');
        if (awarded + toFen(amount) > budget)
          throw refusal('CONFLICT', 'fund.over_budget', 'the programme’s budget does not cover this award', {
            remaining: fromFen(budget - awarded),
          });
        const seq = (await repo.decisionsOf(id)).length + 1;
        await repo.insertDecision({ applicationId: id, seq, amount, ceiling, reason: input.reason, ...event(actor) });
        const to: FundApplicationState = toFen(amount) === disbursed && disbursed > 0n ? 'disbursed' : 'awarded';
        const patch = {
          awardedAmount: amount,
          state: to,
          eligibilityReasons: reasons,
          eligibilityCheckedAt: deps.clock.now(),
          updatedAt: deps.clock.now(),
        };
        if (!(await repo.updateApplication(id, input.version, patch))) throw staleVersion('fund application');
        if (to !== row.state)
          await repo.insertEvent({
            applicationId: id,
            action: first ? 'award' : 'revise',
            fromState: row.state,
            toState: to,
            comment: input.reason,
            ...event(actor),
          });
        return finish(
          tx,
          actor,
          id,
          first ? 'fund_application.award' : 'fund_application.revise_award',
          before,
          first ? 'awarded' : null,
          input.reason,
        );
      });
    },

    async recordTranche(actor: Actor, id: string, input: RecordFundTranche): Promise<FundApplication> {
      return deps.db.transaction(async (tx) => {
        const { repo, row, found } = await open(tx, actor, id, 'disburse');
        const before = await snapshot(tx, id);
        const remaining = toFen(row.awardedAmount ?? '0') - toFen(found.disbursedAmount);
        if (toFen(input.amount) > remaining)
          throw refusal('VALIDATION_FAILED', 'fund.tranche_over_award', 'tranches cannot exceed the amount awarded', {
            remaining: fromFen(remaining),
          });
        const seq = (await repo.tranchesOf(id)).length + 1;
        await repo.insertTranche({
          applicationId: id,
          seq,
          amount: input.amount,
          paidOn: input.paidOn,
          reference: input.reference,
          ...event(actor),
        });
        const full = toFen(input.amount) === remaining;
        if (full) {
          if (!(await repo.updateApplication(id, row.version, { state: 'disbursed', updatedAt: deps.clock.now() })))
            throw staleVersion('fund application');
          await repo.insertEvent({
            applicationId: id,
            action: 'disburse',
            fromState: row.state,
            toState: 'disbursed',
            comment: null,
            ...event(actor),
          });
        } else await repo.updateApplication(id, row.version, { updatedAt: deps.clock.now() });
        return finish(tx, actor, id, 'fund_application.disburse', before, full ? 'disbursed' : null, null);
      });
    },
  };
}

export type FundWorkflowService = ReturnType<typeof createFundWorkflowService>;
