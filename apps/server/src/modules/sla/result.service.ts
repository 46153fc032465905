import type { SignOffSlaResult, SlaResult, SlaResultListQuery } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { renderHtml, renderPdf } from '../../platform/documents/index.js';
import { notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import { computeStats, evaluateItems } from './logic/evaluate.js';
import { countSamples, mergeSamples } from './logic/samples.js';
import { periodBounds } from './period.js';
import type { SlaServiceDeps } from './profile.service.js';
import { slaNotices } from './sla.notifications.js';
import { slaPolicy } from './sla.policy.js';
import { createSlaRepo, type NetworkRef } from './sla.repo.js';
import { slaReportDocument } from './sla.report.js';
import { visibleNetwork } from './sla.service.js';
import type { SourceRecord } from './sla.table.js';
import { presentResult } from './sla.view.js';
import { samplesFromTelemetry } from './telemetry-samples.js';

export interface SlaResultDeps extends SlaServiceDeps {
  notifications: Pick<NotificationService, 'notify'>;
}

/**
 * A network's monthly SLA result (issue #14 item 3): computed by its operator or enterprise from
 * the month's uploaded tests and its probes' telemetry against the attached profile, then signed
 * off by its district (or the city): accepted, or rejected with the opinion so it is tested again.
 */
export function createSlaResultService(deps: SlaResultDeps) {
  async function load(actor: Actor, db: DbOrTx, id: string, action: 'read' | 'sign_off' = 'read') {
    const row = await createSlaRepo(db).result(id);
    if (!row) throw notFound('sla_result');
    const network = await visibleNetwork(db, actor, action, row.result.networkId);
    return { row, network };
  }

  async function present(actor: Actor, db: DbOrTx, network: NetworkRef, id: string): Promise<SlaResult> {
    const row = await createSlaRepo(db).result(id);
    if (!row) throw notFound('sla_result');
    return presentResult(actor, network, row);
  }

  async function notify(
    tx: DbOrTx,
    actor: Actor,
    step: 'computed' | 'accepted' | 'rejected',
    network: NetworkRef,
    period: string,
    opinion?: string,
  ) {
    for (const notice of slaNotices(step, network, period, opinion))
      await deps.notifications.notify(tx, notice.recipients, notice.message, { except: actor.userId ? [actor.userId] : [] });
  }

  return {
    async compute(actor: Actor, networkId: string, period: string): Promise<SlaResult> {
      return deps.db.transaction(async (tx) => {
        const network = await visibleNetwork(tx, actor, 'test', networkId);
        const repo = createSlaRepo(tx);
        const profile = await repo.networkProfile(networkId);
        if (!profile) throw refusal('CONFLICT', 'sla.profile_missing', 'attach an SLA profile to the network first');
        const existing = await repo.resultFor(networkId, period);
        if (existing?.state === 'accepted') throw refusal('CONFLICT', 'sla.signed_off', `the result of ${period} was accepted`, { period });
        const { from, to } = periodBounds(period);
        const sets = await repo.setsWithin(networkId, from, to);
        const telemetry = samplesFromTelemetry(await repo.probePoints(networkId, from, to));
        const sources: SourceRecord[] = sets.map((s) => ({
          kind: 'upload',
          label: s.fileName,
          sha256: s.sha256,
          format: s.format,
          samples: Object.values(s.counts).reduce((a, b) => a + b, 0),
        }));
        const telemetryCount = Object.values(countSamples(telemetry.samples)).reduce((a, b) => a + b, 0);
        if (telemetryCount > 0)
          sources.push({ kind: 'telemetry', label: telemetry.devices.join(', '), sha256: null, format: null, samples: telemetryCount });
        if (sources.length === 0) throw refusal('CONFLICT', 'sla.no_samples', `no test or probe data in ${period}`, { period });
        const samples = mergeSamples([...sets.map((s) => s.samples), telemetry.samples]);
        const stats = computeStats(samples);
        const items = evaluateItems(
          profile.items,
          stats,
          samples,
          sources.map((s) => s.label),
        );
        const { id } = await repo.upsertResult({
          networkId,
          period,
          profile: { id: profile.id, code: profile.code, nameZh: profile.nameZh, nameEn: profile.nameEn, items: profile.items },
          verdict: items.every((i) => i.pass) ? 'pass' : 'fail',
          items,
          stats,
          sources,
          computedBy: actor.userId,
          computedAt: deps.clock.now(),
          state: 'awaiting_sign_off',
          version: (existing?.version ?? 0) + 1,
        });
        const result = await present(actor, tx, network, id);
        await deps.audit.append(tx, actor, {
          action: 'sla.compute',
          entityType: 'sla_result',
          entityId: id,
          after: {
            period,
            profile: profile.code,
            verdict: result.verdict,
            items: items.map((i) => ({ metric: i.metric, measured: i.measured, pass: i.pass })),
          },
        });
        await notify(tx, actor, 'computed', network, period);
        return result;
      });
    },

    async list(actor: Actor, query: SlaResultListQuery): Promise<{ items: SlaResult[]; total: number }> {
      const page = await createSlaRepo(deps.db).resultPage(slaPolicy.reach(actor, 'read'), query);
      return { items: page.items.map((row) => presentResult(actor, row.network, row)), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<SlaResult> {
      const { row, network } = await load(actor, deps.db, id);
      return presentResult(actor, network, row);
    },

    async signOff(actor: Actor, id: string, input: SignOffSlaResult): Promise<SlaResult> {
      return deps.db.transaction(async (tx) => {
        const { row, network } = await load(actor, tx, id, 'sign_off');
        if (row.result.state !== 'awaiting_sign_off')
          throw refusal('CONFLICT', 'sla.not_awaiting', 'this result is not awaiting sign-off', { state: row.result.state });
        const signed = await createSlaRepo(tx).signOff(id, input.version, {
          state: input.decision,
          decision: input.decision,
          opinion: input.opinion,
          signedBy: actor.userId,
          signedAt: deps.clock.now(),
        });
        if (!signed) throw staleVersion('sla_result');
        await deps.audit.append(tx, actor, {
          action: 'sla.sign_off',
          entityType: 'sla_result',
          entityId: id,
          after: { decision: input.decision, opinion: input.opinion, period: row.result.period },
        });
        await notify(tx, actor, input.decision, network, row.result.period, input.opinion);
        return present(actor, tx, network, id);
      });
    },

    async report(actor: Actor, id: string, format: 'html' | 'pdf'): Promise<{ body: string | Buffer; fileName: string }> {
      const { row, network } = await load(actor, deps.db, id);
      const doc = slaReportDocument(presentResult(actor, network, row), deps.clock.now());
      const fileName = `SLA验收报告-${row.networkName}-${row.result.period}.${format}`;
      return format === 'html' ? { body: renderHtml(doc), fileName } : { body: await renderPdf(doc), fileName };
    },
  };
}

export type SlaResultService = ReturnType<typeof createSlaResultService>;
