import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Organisation } from '@suilian/contracts';
import type { Db } from '../db/client.js';
import { seedCodeLists } from '../modules/codelists/index.js';
import { seedIndicators } from '../modules/indicators/index.js';
import { createOrganisationRepo } from '../modules/organisations/index.js';
import { seedReporting } from '../modules/reporting/index.js';
import { ensureSlaPresets } from '../modules/sla/index.js';
import { systemActor } from '../platform/actor.js';
import type { AuditService } from '../platform/audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { REFERENCE_DIR } from '../platform/paths.js';
import { ensureReferenceBanks } from './reference-banks.js';
import { ensureReferenceOperators } from './reference-operators.js';

interface DivisionRow {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Reads reference/districts.csv (GB/T 2260 codes of Guangzhou and its 11 districts). */
export function readDivisions(dir = REFERENCE_DIR): DivisionRow[] {
  const lines = readFileSync(join(dir, 'districts.csv'), 'utf8').trim().split(/\r?\n/);
  const [header, ...rows] = lines;
  if (header?.trim() !== 'code,name_zh,name_en') throw new Error('districts.csv: unexpected header');
  return rows.map((line, i) => {
    const [code, nameZh, nameEn] = line.split(',').map((cell) => cell.trim());
    if (!code || !/^4401\d{2}$/.test(code) || !nameZh || !nameEn) throw new Error(`districts.csv line ${i + 2}: malformed`);
    return { code, nameZh, nameEn };
  });
}

/**
 * Makes sure 广州市, its districts and the code lists exist (idempotent: districts matched by
 * division code, lists by key). Runs at every boot, so a district added to the CSV arrives with the
 * next release; lists administrators edited are left alone.
 */
export async function loadReferenceData(db: Db, deps: { clock: Clock; audit: Pick<AuditService, 'append'> }): Promise<{ created: number }> {
  const divisions = readDivisions();
  const city = divisions.find((d) => d.code === '440100');
  if (!city) throw new Error('districts.csv has no 440100 (广州市)');
  return db.transaction(async (tx) => {
    const repo = createOrganisationRepo(tx);
    let created = 0;
    const now = deps.clock.now();
    let cityRow = await repo.findByDivisionCode(city.code);
    const record = async (row: Awaited<ReturnType<typeof repo.insert>>) => {
      created += 1;
      const actor = systemActor('system', cityRow?.id ?? row.id);
      await deps.audit.append(tx, actor, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: row.id,
        after: summary(row),
      });
    };
    if (!cityRow) {
      cityRow = await repo.insert({
        kind: 'city',
        name: city.nameZh,
        nameEn: city.nameEn,
        divisionCode: city.code,
        createdAt: now,
        updatedAt: now,
      });
      await record(cityRow);
    }
    for (const d of divisions.filter((x) => x.code !== city.code)) {
      if (await repo.findByDivisionCode(d.code)) continue;
      const id = crypto.randomUUID();
      const row = await repo.insert({
        id,
        kind: 'district',
        parentId: cityRow.id,
        districtId: id,
        name: d.nameZh,
        nameEn: d.nameEn,
        divisionCode: d.code,
        createdAt: now,
        updatedAt: now,
      });
      await record(row);
    }
    for (const row of await ensureReferenceOperators(tx, cityRow.id, now)) await record(row);
    for (const row of await ensureReferenceBanks(tx, cityRow.id, now)) await record(row);
    const lists = await seedCodeLists(tx, now);
    for (const key of lists) {
      await deps.audit.append(tx, systemActor('system', cityRow.id), { action: 'code_list.seed', entityType: 'code_list', entityId: key });
    }
    const reporting = await seedReporting(tx, now);
    if (reporting > 0) {
      await deps.audit.append(tx, systemActor('system', cityRow.id), {
        action: 'reporting.seed',
        entityType: 'data_set',
        entityId: null,
        after: { added: reporting },
      });
    }
    const indicators = await seedIndicators(tx, now);
    if (indicators > 0) {
      await deps.audit.append(tx, systemActor('system', cityRow.id), {
        action: 'indicator.seed',
        entityType: 'indicator',
        entityId: null,
        after: { added: indicators },
      });
    }
    // The SLA presets (issue #14 item 3): added when missing, the city's edits kept.
    const presets = await ensureSlaPresets(tx, now);
    if (presets.length > 0) {
      await deps.audit.append(tx, systemActor('system', cityRow.id), {
        action: 'sla_profile.seed',
        entityType: 'sla_profile',
        entityId: null,
        after: { added: presets },
      });
    }
    return { created: created + lists.length + indicators + presets.length };
  });
}

function summary(row: {
  id: string;
  kind: string;
  name: string;
  divisionCode: string | null;
}): Pick<Organisation, 'id' | 'kind' | 'name' | 'divisionCode'> {
  return { id: row.id, kind: row.kind as Organisation['kind'], name: row.name, divisionCode: row.divisionCode };
}
