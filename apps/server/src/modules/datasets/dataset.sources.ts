import type { DatasetSource } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { IndicatorService } from '../indicators/index.js';
import { createDatasetSourceRepo } from './dataset.sources.repo.js';
import type { DatasetRow } from './dataset.table.js';

export interface SourceDeps {
  indicators: Pick<IndicatorService, 'overview'>;
  /** The city-wide actor the indicator values are measured as (published figures are city-wide). */
  cityActor: () => Promise<Actor>;
  today: () => string;
}

/** How many months of indicator values the indicator dataset holds, the current month included. */
export const INDICATOR_MONTHS = 12;

/** The last day of each of the `n` months up to `today`'s month, the current one ending `today`. */
export function monthEndsUpTo(today: string, n: number): Array<{ month: string; date: string }> {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const out: Array<{ month: string; date: string }> = [];
  for (let back = n - 1; back >= 0; back--) {
    const first = new Date(Date.UTC(year, month - 1 - back, 1));
    const label = first.toISOString().slice(0, 7);
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    out.push({ month: label, date: back === 0 ? today : last });
  }
  return out;
}

/**
 * The rows of a dataset's source: a registered query over the platform's own data (SQL in
 * dataset.sources.repo.ts; indicator values from the indicators module's one batch, the dashboard's
 * figures by construction), or the stored rows of an uploaded statistics table.
 */
export async function loadSourceRows(
  db: DbOrTx,
  deps: SourceDeps,
  source: DatasetSource,
  uploadRows: DatasetRow[] | null,
): Promise<DatasetRow[]> {
  if (source.kind === 'upload') return uploadRows ?? [];
  const repo = createDatasetSourceRepo(db);
  switch (source.query) {
    case 'enterprises':
      return repo.enterprises();
    case 'projects':
      return repo.projects();
    case 'factories':
      return repo.factories();
    case 'private_networks':
      return repo.privateNetworks();
    case 'vulnerability_statistics':
      return repo.vulnerabilityStatistics();
    case 'indicator_values':
      return indicatorValues(db, deps);
  }
}

async function indicatorValues(db: DbOrTx, deps: SourceDeps): Promise<DatasetRow[]> {
  const today = deps.today();
  const months = monthEndsUpTo(today, INDICATOR_MONTHS);
  const districts = await createDatasetSourceRepo(db).districts();
  const overview = await deps.indicators.overview(
    await deps.cityActor(),
    { asOf: today },
    months.map((m) => m.date),
  );
  const rows: DatasetRow[] = [];
  // Open data carries what the public dashboard shows: indicators not marked public stay internal.
  for (const indicator of overview.indicators.filter((i) => i.isPublic))
    for (const district of districts)
      for (const { month, date } of months)
        rows.push({
          indicator_code: indicator.code,
          indicator_name: indicator.nameZh,
          district_code: district.code,
          district: district.name,
          month,
          value: overview.valueOn(indicator.code, date, district.id),
        });
  return rows;
}
