import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import type { Schedules } from '../../../platform/jobs/schedules.js';
import type { NotificationService } from '../../notifications/index.js';
import { DUE_SOON_DAYS, findingDueSoonNotice, findingsOverdueNotices } from './finding.notifications.js';
import { createFindingRepo, type FindingRow } from './finding.repo.js';

export interface EscalationDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
  systemActor: () => Promise<Actor>;
}

/** The periodic task's name on the job queue (ADR 0012). */
export const SLA_SWEEP_TASK = 'vulnerabilities.sla_sweep';

/** Findings handled per sweep; the next sweep takes the rest. */
const BATCH = 500;

/**
 * The SLA sweep: overdue open findings escalate to their district's officers and the city's
 * analysts (one notification per district per sweep; each finding once per due date, so running
 * it again sends nothing new) and are told to their enterprise; findings due within
 * DUE_SOON_DAYS remind their enterprise once per deadline; expired risk acceptances reopen. Idempotent.
 */
export function createEscalation(deps: EscalationDeps) {
  async function sweep(): Promise<{ escalated: number; reopened: number }> {
    const actor = await deps.systemActor();
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      const repo = createFindingRepo(tx);
      const overdue = await repo.overdueUnescalated(now, BATCH);
      const byDistrict = new Map<string | null, FindingRow[]>();
      for (const f of overdue) byDistrict.set(f.districtId, [...(byDistrict.get(f.districtId) ?? []), f]);
      for (const [districtId, findings] of byDistrict) {
        const critical = findings.filter((f) => f.grade === 'critical').length;
        await deps.notifications.notify(
          tx,
          [
            ...(districtId ? [{ role: 'district_officer' as const, districtId }] : []),
            { role: 'city_analyst' },
            { role: 'security_analyst' },
          ],
          {
            kind: 'security.finding_overdue',
            title: { zh: `${findings.length} 项漏洞发现超期未处置`, en: `${findings.length} findings are past their remediation deadline` },
            body: {
              zh: `${findings.length} 项漏洞发现已超过整改时限（其中超危 ${critical} 项），请督促企业处置。`,
              en: `${findings.length} findings are past their SLA (${critical} critical); please follow up with the enterprises.`,
            },
            link: `/security/findings?overdue=true${districtId ? `&districtId=${districtId}` : ''}`,
            dedupeKey: `finding-overdue:${findings
              .map((f) => f.id)
              .sort()
              .join(',')
              .slice(0, 180)}:${now.toISOString().slice(0, 10)}`,
          },
        );
      }
      // The enterprises hear of their own overdue findings too, and of deadlines coming up (issue #12 item 2).
      const today = now.toISOString().slice(0, 10);
      for (const notice of findingsOverdueNotices(overdue, today)) await deps.notifications.notify(tx, notice.recipients, notice.message);
      const soon = await repo.dueBetween(now, new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000), BATCH);
      // Once per finding and deadline: the dedupe key makes later sweeps send nothing new.
      for (const f of soon) {
        const notice = findingDueSoonNotice(f);
        await deps.notifications.notify(tx, notice.recipients, notice.message);
      }
      await repo.markEscalated(overdue.map((f) => f.id));
      const expired = await repo.expiredAcceptances(now.toISOString().slice(0, 10), BATCH);
      for (const f of expired) {
        const updated = await repo.update(f.id, f.version, { state: 'reopened', riskAcceptedUntil: null, updatedAt: now });
        if (!updated) continue;
        await repo.insertEvents([
          {
            findingId: f.id,
            fromState: f.state,
            toState: 'reopened',
            action: 'reopen',
            actorName: actor.name,
            note: 'risk acceptance expired',
            at: now,
          },
        ]);
      }
      if (overdue.length || expired.length)
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.sla_sweep',
          entityType: 'vuln_finding',
          entityId: null,
          after: { escalated: overdue.map((f) => f.id), reopened: expired.map((f) => f.id) },
        });
      return { escalated: overdue.length, reopened: expired.length };
    });
  }

  return {
    sweep,
    /** Sweeps every `intervalMs` as a task on the job queue: once per interval across all instances. */
    schedule(schedules: Pick<Schedules, 'every'>, intervalMs: number): void {
      schedules.every(SLA_SWEEP_TASK, intervalMs, sweep);
    },
  };
}

export type Escalation = ReturnType<typeof createEscalation>;
