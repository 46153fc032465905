import type { CompletenessRow } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { fieldError, notFound } from '../../platform/errors.js';
import type { OrganisationService } from '../organisations/index.js';
import { addDays } from './logic/periods/calendar.js';
import { periodEnd, periodStart, periodsBetween } from './logic/periods/period-dates.js';
import { PeriodError } from './logic/periods/period-id.js';
import { formPolicy } from './reporting.policy.js';
import { createReportingRepo } from './reporting.repo.js';

/**
 * Completeness (forms completed ÷ forms due) and timeliness (completed by the deadline ÷ forms due)
 * per district over a range of periods — DHIS2's reporting rates (issue #4 item 4).
 */
export function createCompletenessService(deps: { db: Db; organisations: Pick<OrganisationService, 'list'> }) {
  return {
    async rates(actor: Actor, query: { dataSet: string; from: string; to: string }): Promise<CompletenessRow[]> {
      formPolicy.authorize(actor, 'read');
      const repo = createReportingRepo(deps.db);
      const dataSet = await repo.findDataSet(query.dataSet);
      if (!dataSet) throw notFound('data set');
      let periods: string[];
      try {
        periods = periodsBetween(dataSet.periodType, periodStart(query.from), periodEnd(query.to));
      } catch (error) {
        if (error instanceof PeriodError) throw fieldError('VALIDATION_FAILED', 'from', 'period', error.message);
        throw error;
      }
      if (periods.length > 120) throw fieldError('VALIDATION_FAILED', 'to', 'range', 'at most 120 periods at once');
      const districts = (await deps.organisations.list(actor, { kind: 'district', page: 1, pageSize: 200 })).items;
      const registrations = await repo.findRegistrations(dataSet.code, periods);
      return districts.map((d) => {
        const mine = registrations.filter((r) => r.orgId === d.id && r.completedAt);
        const onTime = mine.filter((r) => {
          const deadline = dataSet.expiryDays > 0 ? addDays(periodEnd(r.period), dataSet.expiryDays) : null;
          return !deadline || (r.completedAt?.toISOString().slice(0, 10) ?? '9999') <= deadline;
        }).length;
        const expected = periods.length;
        return {
          orgUnit: d.id,
          orgUnitName: d.name,
          expected,
          completed: mine.length,
          onTime,
          completeness: expected ? Math.round((mine.length / expected) * 1000) / 1000 : 0,
          timeliness: expected ? Math.round((onTime / expected) * 1000) / 1000 : 0,
        };
      });
    },
  };
}

export type CompletenessService = ReturnType<typeof createCompletenessService>;
