import type { FinancingRequest, FinancingRequestSummary, FinancingRoute } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { type FinancingFacts, financingStepsFor } from './financing.policy.js';
import type { createFinancingRepo } from './financing.repo.js';

type Found = NonNullable<Awaited<ReturnType<ReturnType<typeof createFinancingRepo>['findRequest']>>>;

/** A bank's user (not the enterprise's, not the city's): the one whose view of other banks is hidden. */
const bankViewer = (actor: Actor | null, found: Found) =>
  actor !== null && actor.scope === 'organisation' && actor.orgId !== found.row.enterpriseId;

/** What the policy and the steps need to know of a loaded request, for this actor. */
export function factsOf(actor: Actor | null, found: Found): FinancingFacts {
  const mine = actor ? found.routes.find((r) => r.route.bankId === actor.orgId) : undefined;
  const accepted = found.offers.find((o) => o.id === found.row.acceptedOfferId);
  const routedBankIds = found.routes.map((r) => r.route.bankId);
  return {
    enterpriseId: found.row.enterpriseId,
    districtId: found.row.districtId,
    routedBankIds,
    state: found.row.state,
    myRoute: mine?.route.state ?? null,
    acceptedByMyBank: Boolean(actor && accepted && accepted.bankId === actor.orgId),
    hasOffer: found.offers.length > 0,
  };
}

/**
 * The request as the actor may see it. Banks compete: a bank's user sees only its own route and
 * offer, never the other banks' answers; the enterprise, its district and the city see them all.
 * A draft shows the banks chosen, each pending.
 */
export function presentRequest(actor: Actor | null, found: Found, now: Date): FinancingRequest {
  const today = chinaDate(now);
  const row = found.row;
  const routes: FinancingRoute[] =
    row.state === 'draft'
      ? found.chosen.map((b) => ({ bankId: b.id, bankName: b.name, state: 'pending', declineReason: null, decidedAt: null, offer: null }))
      : found.routes.map(({ route, bankName }) => {
          const offer = found.offers.find((o) => o.bankId === route.bankId);
          return {
            bankId: route.bankId,
            bankName,
            state: route.state,
            declineReason: route.declineReason,
            decidedAt: route.decidedAt?.toISOString() ?? null,
            offer: offer
              ? {
                  id: offer.id,
                  amount: offer.amount,
                  annualRate: offer.annualRate,
                  termMonths: offer.termMonths,
                  conditions: offer.conditions,
                  validUntil: offer.validUntil,
                  expired: offer.validUntil < today,
                  offeredBy: offer.offeredByName,
                  offeredAt: offer.offeredAt.toISOString(),
                }
              : null,
          };
        });
  const visible = actor && bankViewer(actor, found) ? routes.filter((r) => r.bankId === actor.orgId) : routes;
  const facts = factsOf(actor, found);
  return {
    id: row.id,
    code: row.code,
    enterpriseId: row.enterpriseId,
    enterpriseName: found.enterpriseName,
    districtId: row.districtId,
    districtName: found.districtName,
    projectId: row.projectId,
    projectTitle: found.projectTitle,
    amount: row.amount,
    termMonths: row.termMonths,
    collateralKind: row.collateralKind,
    collateralNote: row.collateralNote,
    purpose: row.purpose,
    state: row.state,
    myRouteState: facts.myRoute,
    bankCount: row.state === 'draft' ? found.chosen.length : found.routes.length,
    offerCount: found.offers.length,
    routes: visible,
    acceptedOfferId: visible.some((r) => r.offer?.id === row.acceptedOfferId) ? row.acceptedOfferId : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    actions: actor ? financingStepsFor(actor, facts) : [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Listed = Awaited<ReturnType<ReturnType<typeof createFinancingRepo>['listRequests']>>['items'][number];

/** One row of the list. */
export function presentSummary(item: Listed): FinancingRequestSummary {
  const row = item.row;
  return {
    id: row.id,
    code: row.code,
    enterpriseId: row.enterpriseId,
    enterpriseName: item.enterpriseName,
    districtId: row.districtId,
    districtName: item.districtName,
    projectId: row.projectId,
    projectTitle: item.projectTitle,
    amount: row.amount,
    termMonths: row.termMonths,
    collateralKind: row.collateralKind,
    state: row.state,
    myRouteState: (item.myRouteState as FinancingRequestSummary['myRouteState']) ?? null,
    bankCount: row.state === 'draft' ? row.bankIds.length : item.bankCount,
    // A bank counts only its own offer: the others' are not its business.
    offerCount: item.myRouteState ? (item.myRouteState === 'offered' ? 1 : 0) : item.offerCount,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
