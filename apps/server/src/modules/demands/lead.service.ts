import { type CreateLead, LEAD_NEXT, type Lead, type LeadFollowUp, type LeadListQuery } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import type { SolutionService } from '../solutions/index.js';
import { demandPolicy, type LeadParties, leadPolicy } from './demand.policy.js';
import { createDemandRepo, type LeadEventRow, type LeadWithNames } from './demand.repo.js';
import { leadNotices } from './lead.notifications.js';
import type { MatchingService } from './matching.service.js';

export interface LeadServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
  solutions: Pick<SolutionService, 'readableRow'>;
  matching: Pick<MatchingService, 'scorePair'>;
}

type Side = 'enterprise' | 'provider' | 'district' | 'city';

/** Which party the actor acts as on a lead. */
function sideOf(actor: Actor, parties: LeadParties): Side {
  if (actor.orgId === parties.providerId) return 'provider';
  if (actor.orgId === parties.enterpriseId) return 'enterprise';
  return actor.scope === 'district' ? 'district' : 'city';
}

/** Leads (对接线索, issue #15 item 3): demand × solution, contact → proposal → deal / no deal with a reason. */
export function createLeadService(deps: LeadServiceDeps) {
  const repo = createDemandRepo(deps.db);

  async function getVisible(actor: Actor, action: 'read' | 'follow', id: string, db: DbOrTx = deps.db): Promise<LeadWithNames> {
    leadPolicy.authorize(actor, action);
    const row = await createDemandRepo(db).findLead(id);
    if (!row) throw notFound('lead');
    leadPolicy.authorize(actor, action, row.lead);
    return row;
  }

  function present(actor: Actor, row: LeadWithNames, events: LeadEventRow[]): Lead {
    const l = row.lead;
    return {
      id: l.id,
      demandId: l.demandId,
      demandTitle: row.demandTitle,
      solutionId: l.solutionId,
      solutionTitle: row.solutionTitle,
      enterpriseId: l.enterpriseId,
      enterpriseName: row.enterpriseName,
      providerId: l.providerId,
      providerName: row.providerName,
      districtId: l.districtId,
      status: l.status,
      noDealReason: l.noDealReason,
      openedBy: l.openedBy,
      score: l.score,
      firstResponseAt: l.firstResponseAt?.toISOString() ?? null,
      closedAt: l.closedAt?.toISOString() ?? null,
      nextStatuses: leadPolicy.can(actor, 'advance', l) ? [...LEAD_NEXT[l.status]] : [],
      events: events.map((e) => ({
        id: e.id,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        actorName: e.actorName,
        side: e.side,
        occurredAt: e.occurredAt.toISOString(),
      })),
      version: l.version,
      createdAt: l.createdAt.toISOString(),
      updatedAt: l.updatedAt.toISOString(),
    };
  }

  async function presentOne(actor: Actor, id: string, db: DbOrTx): Promise<Lead> {
    const r = createDemandRepo(db);
    const row = await r.findLead(id);
    if (!row) throw notFound('lead');
    return present(actor, row, await r.findEvents(id));
  }

  return {
    async list(actor: Actor, query: LeadListQuery) {
      const page = await repo.findLeadPage(leadPolicy.reach(actor, 'read'), query);
      // The list shows the status and parties; the follow-up history is on the detail.
      return { items: page.items.map((row) => present(actor, row, [])), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<Lead> {
      await getVisible(actor, 'read', id);
      return presentOne(actor, id, deps.db);
    },

    /** The enterprise (or its district, or the city) asks for contact; or the provider offers its solution. */
    async create(actor: Actor, input: CreateLead): Promise<Lead> {
      leadPolicy.authorize(actor, 'follow');
      return deps.db.transaction(async (tx) => {
        const r = createDemandRepo(tx);
        const demand = await r.findDemand(input.demandId);
        if (!demand) throw notFound('demand');
        const solution = await deps.solutions.readableRow(actor, input.solutionId, tx);
        const parties: LeadParties = {
          enterpriseId: demand.demand.enterpriseId,
          providerId: solution.solution.providerId,
          districtId: demand.demand.districtId,
        };
        const forEnterprise = demandPolicy.can(actor, 'write', demand.demand);
        // A provider reaches an open demand only through its own solutions (the ranked list).
        if (!forEnterprise && !leadPolicy.can(actor, 'advance', parties)) throw notFound('demand');
        if (demand.demand.state !== 'open') throw refusal('CONFLICT', 'demand.closed', 'the demand is closed');
        if (solution.solution.state !== 'published')
          throw refusal('CONFLICT', 'lead.solution_not_published', 'leads are opened only with published solutions');
        const existing = (await r.leadPairs([demand.demand.id])).find((l) => l.solutionId === solution.solution.id);
        if (existing)
          throw refusal('CONFLICT', 'lead.already_open', 'this demand and solution already have a lead', { leadId: existing.id });
        const now = deps.clock.now();
        const openedBy = forEnterprise ? 'enterprise' : 'provider';
        const created = await r.insertLead({
          demandId: demand.demand.id,
          solutionId: solution.solution.id,
          ...parties,
          status: 'contact',
          openedBy,
          score: await deps.matching.scorePair(demand.demand, solution.solution.id, tx),
          createdAt: now,
          updatedAt: now,
        });
        const side = sideOf(actor, parties);
        await r.insertEvents([
          {
            leadId: created.id,
            fromStatus: null,
            toStatus: 'contact',
            note: input.note ?? null,
            actorName: actor.displayName ?? actor.name,
            side,
            occurredAt: now,
          },
        ]);
        const result = await presentOne(actor, created.id, tx);
        await deps.audit.append(tx, actor, { action: 'lead.create', entityType: 'lead', entityId: created.id, after: result });
        for (const notice of leadNotices({
          lead: created,
          demandTitle: demand.demand.title,
          solutionTitle: solution.solution.title,
          enterpriseName: demand.enterpriseName,
          providerName: solution.providerName,
          side: openedBy,
          kind: 'opened',
          note: input.note ?? null,
        }))
          await deps.notifications.notify(tx, notice.recipients, notice.message, { except: [actor.userId] });
        return result;
      });
    },

    /** A follow-up: a note by either party; the next status by the provider (a no deal names its reason). */
    async followUp(actor: Actor, id: string, input: LeadFollowUp): Promise<Lead> {
      if (!input.status && !input.note) throw fieldError('VALIDATION_FAILED', 'note', 'required', 'write a note or choose the next status');
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, 'follow', id, tx);
        const l = current.lead;
        if (input.status) {
          if (!leadPolicy.can(actor, 'advance', l))
            throw refusal('FORBIDDEN', 'lead.status_by_provider', 'the provider moves the lead; add a note instead');
          if (LEAD_NEXT[l.status].length === 0) throw refusal('CONFLICT', 'lead.closed', 'the lead is over');
          if (!LEAD_NEXT[l.status].includes(input.status))
            throw refusal('CONFLICT', 'lead.status_not_allowed', `a lead does not go from ${l.status} to ${input.status}`, {
              from: l.status,
              to: input.status,
            });
          if (input.status === 'no_deal' && !input.noDealReason)
            throw fieldError('VALIDATION_FAILED', 'noDealReason', 'required', 'say why there is no deal');
        }
        const now = deps.clock.now();
        const side = sideOf(actor, l);
        // The first answer from the party that did not open the lead (time to first response).
        const answers = l.firstResponseAt === null && side !== l.openedBy && (side === 'provider' || side === 'enterprise');
        const closes = input.status === 'deal' || input.status === 'no_deal';
        const updated = await createDemandRepo(tx).updateLead(id, input.version, {
          ...(input.status ? { status: input.status } : {}),
          ...(input.status === 'no_deal' ? { noDealReason: input.noDealReason ?? null } : {}),
          ...(answers ? { firstResponseAt: now } : {}),
          ...(closes ? { closedAt: now } : {}),
          updatedAt: now,
        });
        if (!updated) throw staleVersion('lead');
        await createDemandRepo(tx).insertEvents([
          {
            leadId: id,
            fromStatus: input.status ? l.status : null,
            toStatus: input.status ?? null,
            note: input.note ?? null,
            actorName: actor.displayName ?? actor.name,
            side,
            occurredAt: now,
          },
        ]);
        const result = await presentOne(actor, id, tx);
        await deps.audit.append(tx, actor, {
          action: input.status ? 'lead.status' : 'lead.note',
          entityType: 'lead',
          entityId: id,
          before: { status: l.status },
          after: { status: result.status, noDealReason: result.noDealReason, note: input.note ?? null },
        });
        for (const notice of leadNotices({
          lead: l,
          demandTitle: current.demandTitle,
          solutionTitle: current.solutionTitle,
          enterpriseName: current.enterpriseName,
          providerName: current.providerName,
          side,
          kind: input.status ? 'status' : 'note',
          ...(input.status ? { status: input.status } : {}),
          note: input.note ?? null,
        }))
          await deps.notifications.notify(tx, notice.recipients, notice.message, { except: [actor.userId] });
        return result;
      });
    },
  };
}

export type LeadService = ReturnType<typeof createLeadService>;
