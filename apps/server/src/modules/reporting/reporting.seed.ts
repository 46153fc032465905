import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbOrTx } from '../../db/client.js';
import { REFERENCE_DIR } from '../../platform/paths.js';
import { createReportingRepo } from './reporting.repo.js';

interface ReportingSeed {
  dataElements: Array<{
    code: string;
    nameZh: string;
    nameEn: string;
    valueType: 'integer' | 'number' | 'percentage' | 'boolean' | 'text';
    aggregation: 'LAST' | 'SUM';
    unit: string;
  }>;
  dataSets: Array<{
    code: string;
    nameZh: string;
    nameEn: string;
    periodType: 'monthly' | 'quarterly' | 'yearly';
    openFuturePeriods: number;
    expiryDays: number;
    sections: Array<{ name: string; elements: string[] }>;
  }>;
  validationRules?: Array<{
    code: string;
    dataSet: string;
    nameZh: string;
    nameEn: string;
    left: string;
    operator: string;
    right: string;
    strategy: string;
  }>;
}

export function readReportingSeed(dir = REFERENCE_DIR): ReportingSeed {
  return JSON.parse(readFileSync(join(dir, 'reporting.json'), 'utf8')) as ReportingSeed;
}

/** Adds the seeded data elements, the district monthly report and its rules when missing; never overwrites edits. */
export async function seedReporting(db: DbOrTx, now: Date): Promise<number> {
  const seed = readReportingSeed();
  const repo = createReportingRepo(db);
  let added = await repo.insertElementsIfMissing(seed.dataElements.map((e) => ({ ...e, updatedAt: now })));
  for (const ds of seed.dataSets) {
    const elements = ds.sections.flatMap((section) => section.elements.map((code) => ({ code, section: section.name })));
    const created = await repo.insertDataSetIfMissing(
      {
        code: ds.code,
        nameZh: ds.nameZh,
        nameEn: ds.nameEn,
        periodType: ds.periodType,
        openFuturePeriods: ds.openFuturePeriods,
        expiryDays: ds.expiryDays,
        updatedAt: now,
      },
      elements.map((e, position) => ({ dataSetCode: ds.code, dataElementCode: e.code, position, section: e.section })),
    );
    if (created) added += 1;
  }
  await repo.insertRulesIfMissing(
    (seed.validationRules ?? []).map((r) => ({
      code: r.code,
      dataSetCode: r.dataSet,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      left: r.left,
      operator: r.operator,
      right: r.right,
      strategy: r.strategy,
      updatedAt: now,
    })),
  );
  return added;
}
