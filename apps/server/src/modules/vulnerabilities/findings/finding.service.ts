import {
  type BatchResult,
  checkFindingTransition,
  type Finding,
  type FindingBatchTransition,
  type FindingDetail,
  type FindingListQuery,
  type FindingTransition,
  type SlaPolicy,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import { runBatch } from '../../../platform/batch.js';
import type { Clock } from '../../../platform/clock.js';
import { fieldError, notFound, staleVersion } from '../../../platform/errors.js';
import { vulnerabilityPolicy } from '../vulnerability.policy.js';
import { findingPolicy } from './finding.policy.js';
import { createFindingRepo } from './finding.repo.js';
import { findingGuidance } from './guidance.js';
import { isOverdue } from './lifecycle.js';

export interface FindingServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

type Listed = NonNullable<Awaited<ReturnType<ReturnType<typeof createFindingRepo>['findById']>>>;

/** Findings and their lifecycle (issue #5 item 5); the rule is contracts' FINDING_TRANSITIONS, who may act is findingPolicy. */
export function createFindingService(deps: FindingServiceDeps) {
  const repo = createFindingRepo(deps.db);

  function toFinding(r: Listed, now: Date): Finding {
    const f = r.finding;
    return {
      id: f.id,
      assetId: f.assetId,
      asset: r.asset,
      enterpriseId: f.enterpriseId,
      enterpriseName: r.enterpriseName,
      districtId: f.districtId,
      vulnerabilityId: f.vulnerabilityId,
      vulnerabilityKey: r.vulnerabilityKey,
      vulnerabilityTitle: r.vulnerabilityTitle,
      state: f.state,
      grade: f.grade,
      origin: f.origin,
      vexJustification: f.vexJustification,
      plan: f.plan,
      remediationOwner: f.remediationOwner,
      remediationDue: f.remediationDue,
      slaDueAt: f.slaDueAt.toISOString(),
      overdue: isOverdue(f, now),
      fixedById: f.fixedById,
      verifiedById: f.verifiedById,
      riskApproverId: f.riskApproverId,
      riskAcceptedUntil: f.riskAcceptedUntil,
      firstSeenAt: f.firstSeenAt.toISOString(),
      lastSeenAt: f.lastSeenAt.toISOString(),
      closedAt: f.closedAt?.toISOString() ?? null,
      version: f.version,
      updatedAt: f.updatedAt.toISOString(),
    };
  }

  async function visible(actor: Actor, action: 'read' | FindingTransition['action'], id: string, db: DbOrTx = deps.db): Promise<Listed> {
    findingPolicy.authorize(actor, action);
    const row = await createFindingRepo(db).findById(id);
    if (!row) throw notFound('finding');
    findingPolicy.authorize(actor, action, row.finding);
    return row;
  }

  async function detail(actor: Actor, id: string): Promise<FindingDetail> {
    const row = await visible(actor, 'read', id);
    const events = await repo.events(id);
    return {
      ...toFinding(row, deps.clock.now()),
      reasons: await repo.reasonsOf(row.finding.assetId, row.finding.vulnerabilityId),
      guidance: await findingGuidance(deps.db, row.finding.vulnerabilityId, row.finding.enterpriseId),
      events: events.map((e) => ({
        fromState: e.fromState,
        toState: e.toState,
        action: e.action,
        actorName: e.actorName,
        note: e.note,
        at: e.at.toISOString(),
      })),
    };
  }

  return {
    async list(actor: Actor, q: FindingListQuery): Promise<{ items: Finding[]; total: number }> {
      const scope = findingPolicy.reach(actor, 'read');
      const now = deps.clock.now();
      const page = await repo.findPage(scope, q, now);
      return { items: page.items.map((r) => toFinding(r, now)), total: page.total };
    },

    get: detail,

    /** One lifecycle step: permission by action, scope, the state machine, four eyes, history and audit in one transaction. */
    async transition(actor: Actor, id: string, input: FindingTransition): Promise<FindingDetail> {
      findingPolicy.authorize(actor, input.action);
      const now = deps.clock.now();
      const today = now.toISOString().slice(0, 10);
      await deps.db.transaction(async (tx) => {
        const row = await visible(actor, input.action, id, tx);
        const f = row.finding;
        if (f.version !== input.version) throw staleVersion('finding');
        const check = checkFindingTransition(f, input, actor.userId, today);
        if (!check.ok) throw fieldError('VALIDATION_FAILED', check.problem.field, check.problem.rule, check.problem.message);
        const patch: Parameters<typeof repo.update>[2] = { state: check.to, updatedAt: now };
        switch (input.action) {
          case 'mark_not_affected':
            patch.vexJustification = input.vexJustification ?? null;
            patch.closedAt = now;
            break;
          case 'mark_false_positive':
            patch.closedAt = now;
            break;
          case 'start_remediation':
            patch.plan = input.plan ?? null;
            patch.remediationOwner = input.remediationOwner ?? null;
            patch.remediationDue = input.remediationDue ?? null;
            break;
          case 'mark_fixed':
            patch.fixedById = actor.userId;
            patch.fixedAt = now;
            break;
          case 'verify':
            patch.verifiedById = actor.userId;
            patch.verifiedAt = now;
            patch.closedAt = now;
            break;
          case 'accept_risk':
            patch.riskApproverId = actor.userId;
            patch.riskAcceptedUntil = input.riskAcceptedUntil ?? null;
            break;
          case 'reopen':
            patch.closedAt = null;
            patch.riskAcceptedUntil = null;
            break;
          default:
            break;
        }
        const r = createFindingRepo(tx);
        const updated = await r.update(id, f.version, patch);
        if (!updated) throw staleVersion('finding');
        await r.insertEvents([
          {
            findingId: id,
            fromState: f.state,
            toState: check.to,
            action: input.action,
            actorId: actor.userId,
            actorName: actor.displayName ?? actor.name,
            note: input.note ?? null,
            data: { ...input, version: undefined },
            at: now,
          },
        ]);
        await deps.audit.append(tx, actor, {
          action: `vulnerability.finding_${input.action}`,
          entityType: 'vuln_finding',
          entityId: id,
          before: { state: f.state },
          after: { state: check.to, ...patch, updatedAt: undefined },
        });
      });
      return detail(actor, id);
    },

    /** One step on many findings (#12 item 7): each row goes through `transition` (its own authorisation and transaction). */
    async transitionMany(actor: Actor, input: FindingBatchTransition): Promise<BatchResult> {
      findingPolicy.authorize(actor, input.action);
      const { rows, ...step } = input;
      return runBatch(rows, (row) => this.transition(actor, row.id, { ...step, version: row.version }));
    },

    async sla(actor: Actor): Promise<SlaPolicy> {
      findingPolicy.authorize(actor, 'read');
      return repo.slaDays();
    },

    /** New SLA days apply to findings detected from now on; existing due dates stay as promised. */
    async setSla(actor: Actor, policy: SlaPolicy): Promise<SlaPolicy> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      return deps.db.transaction(async (tx) => {
        const r = createFindingRepo(tx);
        const before = await r.slaDays();
        await r.setSlaDays(policy, deps.clock.now());
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.sla_update',
          entityType: 'vuln_sla',
          entityId: null,
          before,
          after: policy,
        });
        return policy;
      });
    },
  };
}

export type FindingService = ReturnType<typeof createFindingService>;
