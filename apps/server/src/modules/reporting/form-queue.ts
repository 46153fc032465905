import type { BatchResult, FormBatchAction, FormQueueQuery, FormQueueRow } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { runBatch } from '../../platform/batch.js';
import { fieldError, notFound } from '../../platform/errors.js';
import type { OrganisationService } from '../organisations/index.js';
import { districtsFor } from './districts.js';
import type { FormService } from './form.service.js';
import { validatePeriodId } from './logic/periods/period-id.js';
import { formPolicy } from './reporting.policy.js';
import { createReportingRepo } from './reporting.repo.js';

/**
 * The districts' forms of one period as a list (the city's 待验收 queue) and one step on many of
 * them (#12 item 7): each form goes through the form service's single action — its permission,
 * workflow state, four eyes, version and transaction — so a refused form does not stop the others.
 */
export function createFormQueue(deps: { db: Db; organisations: Pick<OrganisationService, 'list'>; forms: Pick<FormService, 'act'> }) {
  return {
    async list(actor: Actor, query: FormQueueQuery): Promise<FormQueueRow[]> {
      const districts = await districtsFor(deps.organisations, actor, 'read');
      const repo = createReportingRepo(deps.db);
      const dataSet = await repo.findDataSet(query.dataSet);
      if (!dataSet) throw notFound('data set');
      const check = validatePeriodId(query.period, dataSet.periodType);
      if (!check.ok) throw fieldError('VALIDATION_FAILED', 'period', 'period_type', check.message);
      const registrations = new Map(
        (
          await repo.findRegistrationsOf(
            dataSet.code,
            [query.period],
            districts.map((d) => d.id),
          )
        ).map((r) => [r.orgId, r]),
      );
      const rows: FormQueueRow[] = districts.map((d) => {
        const r = registrations.get(d.id);
        return {
          orgUnit: d.id,
          orgUnitName: d.name,
          state: r?.state ?? 'open',
          version: r?.version ?? 0,
          completedBy: r?.completedBy ?? null,
          completedAt: r?.completedAt?.toISOString() ?? null,
          approvedBy: r?.approvedBy ?? null,
          approvedAt: r?.approvedAt?.toISOString() ?? null,
          comment: r?.comment ?? null,
        };
      });
      return query.state ? rows.filter((r) => r.state === query.state) : rows;
    },

    /** Accept or return the chosen districts' forms, each as the single action would (results keyed by district). */
    async actMany(actor: Actor, input: FormBatchAction): Promise<BatchResult> {
      formPolicy.authorize(actor, input.action === 'accept' ? 'accept' : 'approve');
      return runBatch(
        input.rows.map((r) => ({ id: r.orgUnit, version: r.version })),
        (row) =>
          deps.forms.act(actor, input.dataSet, input.period, {
            orgUnit: row.id,
            action: input.action,
            version: row.version,
            ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
          }),
      );
    },
  };
}

export type FormQueue = ReturnType<typeof createFormQueue>;
