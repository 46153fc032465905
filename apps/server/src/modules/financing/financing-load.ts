import type { FinancingRequest, FinancingStep } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { notFound, refusal } from '../../platform/errors.js';
import type { FinancingDeps } from './financing.deps.js';
import { financingPolicy, financingStepsFor } from './financing.policy.js';
import { factsOf, presentRequest } from './financing.present.js';
import { createFinancingRepo } from './financing.repo.js';

/** The steps each state opens, to whoever may take them (the refusals tell "not now" from "not yours"). */
const STATE_STEPS: Record<FinancingRequest['state'], readonly FinancingStep[]> = {
  draft: ['edit', 'submit'],
  submitted: ['accept', 'withdraw', 'offer', 'decline'],
  accepted: ['close'],
  withdrawn: [],
  closed: [],
};

/** Loads a request in the actor's reach (404 otherwise) and presents it. */
export async function loadRequest(tx: DbOrTx, actor: Actor, id: string) {
  const repo = createFinancingRepo(tx);
  const found = await repo.findRequest(id);
  if (!found) throw notFound('financing request');
  const facts = factsOf(actor, found);
  financingPolicy.authorize(actor, 'read', facts);
  return { repo, found, facts };
}

/**
 * Loads a request for a step and refuses what the actor may not do now: a step its state does not
 * open (an offer after close), a bank answering twice, or a step that is someone else's.
 */
export async function openForStep(deps: FinancingDeps, tx: DbOrTx, actor: Actor, id: string, step: FinancingStep) {
  const loaded = await loadRequest(tx, actor, id);
  const { facts } = loaded;
  if (!STATE_STEPS[facts.state].includes(step))
    throw refusal('CONFLICT', 'financing.step_not_allowed', `${step} is not a step of a request in state ${facts.state}`, {
      state: facts.state,
      step,
    });
  if ((step === 'offer' || step === 'decline') && facts.myRoute !== null && facts.myRoute !== 'pending')
    throw refusal('CONFLICT', 'financing.already_answered', 'your bank has answered this request already', { state: facts.myRoute });
  if (!financingStepsFor(actor, facts).includes(step))
    throw refusal('FORBIDDEN', 'financing.not_your_step', `${step} on this request is not yours to take`, { state: facts.state, step });
  return loaded;
}

/** The request as the actor sees it now (re-read inside the transaction). */
export async function presentNow(deps: FinancingDeps, tx: DbOrTx, actor: Actor | null, id: string): Promise<FinancingRequest> {
  const found = await createFinancingRepo(tx).findRequest(id);
  if (!found) throw notFound('financing request');
  return presentRequest(actor, found, deps.clock.now());
}
