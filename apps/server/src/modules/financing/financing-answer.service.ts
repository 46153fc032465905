import type { AcceptFinancingOffer, CreateFinancingOffer, DeclineFinancing, FinancingRequest } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import { actorName, type FinancingDeps } from './financing.deps.js';
import { acceptedNotice, answeredNotice } from './financing.notifications.js';
import { openForStep, presentNow } from './financing-load.js';

/** Banks' answers (offer, decline) and the enterprise's choice of an offer. */
export function createFinancingAnswerService(deps: FinancingDeps) {
  const except = (actor: Actor) => ({ except: actor.userId ? [actor.userId] : [] });

  /** Records the bank's answer, audits it, tells the enterprise. */
  async function answer(actor: Actor, id: string, step: 'offer' | 'decline', input: CreateFinancingOffer | DeclineFinancing) {
    return deps.db.transaction(async (tx) => {
      const { repo, found } = await openForStep(deps, tx, actor, id, step);
      const now = deps.clock.now();
      const before = await presentNow(deps, tx, null, id);
      const declineReason = 'reason' in input ? input.reason : null;
      if (!('reason' in input)) {
        if (input.validUntil < chinaDate(now))
          throw fieldError('VALIDATION_FAILED', 'validUntil', 'not_past', 'the offer is valid until today or later');
        await repo.insertOffer({
          requestId: id,
          bankId: actor.orgId,
          amount: input.amount,
          annualRate: input.annualRate,
          termMonths: input.termMonths,
          conditions: input.conditions ?? null,
          validUntil: input.validUntil,
          offeredBy: actor.userId,
          offeredByName: actorName(actor),
          offeredAt: now,
        });
      }
      const answered = await repo.answerRoute(id, actor.orgId, {
        state: declineReason === null ? 'offered' : 'declined',
        declineReason,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      if (!answered)
        throw refusal('CONFLICT', 'financing.already_answered', 'your bank has answered this request already', { state: 'offered' });
      await repo.moveRequest(id, 'submitted', { updatedAt: now });
      const result = await presentNow(deps, tx, actor, id);
      await deps.audit.append(tx, actor, {
        action: `financing_request.${step}`,
        entityType: 'financing_request',
        entityId: id,
        before,
        after: result,
      });
      const bankName = found.routes.find((r) => r.route.bankId === actor.orgId)?.bankName ?? '';
      const notice = answeredNotice(result, bankName, declineReason);
      await deps.notifications.notify(tx, notice.recipients, notice.message, except(actor));
      return result;
    });
  }

  return {
    offer: (actor: Actor, id: string, input: CreateFinancingOffer): Promise<FinancingRequest> => answer(actor, id, 'offer', input),
    decline: (actor: Actor, id: string, input: DeclineFinancing): Promise<FinancingRequest> => answer(actor, id, 'decline', input),
    /** The enterprise takes one bank's offer while it is valid; the request is then the accepting bank's to close. */
    async accept(actor: Actor, id: string, offerId: string, input: AcceptFinancingOffer): Promise<FinancingRequest> {
      return deps.db.transaction(async (tx) => {
        const { repo, found } = await openForStep(deps, tx, actor, id, 'accept');
        const offer = found.offers.find((o) => o.id === offerId);
        if (!offer) throw notFound('financing offer');
        const now = deps.clock.now();
        if (offer.validUntil < chinaDate(now))
          throw refusal('CONFLICT', 'financing.offer_expired', 'the offer is past its validity', { until: offer.validUntil });
        const before = await presentNow(deps, tx, null, id);
        if (!(await repo.updateRequest(id, input.version, { state: 'accepted', acceptedOfferId: offerId, updatedAt: now })))
          throw staleVersion('financing request');
        const result = await presentNow(deps, tx, actor, id);
        await deps.audit.append(tx, actor, {
          action: 'financing_request.accept',
          entityType: 'financing_request',
          entityId: id,
          before,
          after: result,
        });
        const notice = acceptedNotice(result, offer.bankId);
        await deps.notifications.notify(tx, notice.recipients, notice.message, except(actor));
        return result;
      });
    },
  };
}

export type FinancingAnswerService = ReturnType<typeof createFinancingAnswerService>;
