/**
 * npm run bench -- reporting [--months 36] [--runs 10] [--smoke]
 *
 * Periodic reporting at the size: 11 districts × `months` months of the district monthly
 * report (10 data elements, 4 validation rules) in a fresh embedded PostgreSQL. Times, through the
 * services the routes call:
 * - batch validation of every rule over every district and month (p50/p95 of `runs`), against the
 *   same values read by one raw SELECT in the same run;
 * - the DHIS2 CSV export of the whole range, against the same raw SELECT;
 * - importing that CSV back (every cell checked, all-or-nothing, one audit entry per form), against
 *   one raw INSERT … ON CONFLICT of the same rows.
 * Prints one JSON line.
 */
import { connectDatabase, ensureDatabaseExists, migrateDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded-postgres.ts';
import { createOrganisationRepo } from '../apps/server/src/modules/organisations/index.ts';
import { createOrganisationService } from '../apps/server/src/modules/organisations/organisation.service.ts';
import { createBatchValidation } from '../apps/server/src/modules/reporting/batch/batch-validation.ts';
import { createTransferService } from '../apps/server/src/modules/reporting/transfer/transfer.service.ts';
import { systemActor } from '../apps/server/src/platform/actor.ts';
import { createAuditService } from '../apps/server/src/platform/audit/audit.service.ts';
import { manualClock } from '../apps/server/src/platform/clock.ts';
import { loadReferenceData } from '../apps/server/src/seed/reference.ts';
import { environment, numberArg, parseArgs, removeDir, round, tempDir } from './lib/common.ts';

const args = parseArgs();
const smoke = args.has('smoke');
const months = numberArg(args, 'months', smoke ? 6 : 36);
const runs = numberArg(args, 'runs', smoke ? 3 : 10);
const log = (m: string) => process.stderr.write(`[reporting] ${m}\n`);

// Months from 2023-01; the clock sits after the last one, with expiry turned off so every form is open.
const periods = Array.from({ length: months }, (_, i) => `${2023 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`);
const from = periods[0] as string;
const to = periods.at(-1) as string;
const clock = manualClock(new Date(`${Number(to.slice(0, 4)) + 1}-02-01T00:00:00Z`));

const time = async (fn: () => unknown | Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
const quantiles = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
  return { p50: round(at(0.5)), p95: round(at(0.95)) };
};
const repeat = async (fn: () => unknown | Promise<unknown>) => {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await time(fn));
  return quantiles(ms);
};

const dir = tempDir('suilian-bench-reporting');
const embedded = await startEmbeddedPostgres({ dir: `${dir}/pg`, settings: { fsync: 'off', synchronous_commit: 'off' } });
let result: Record<string, unknown>;
try {
  await ensureDatabaseExists(embedded.adminUrl, 'bench');
  const database = connectDatabase(embedded.urlFor('bench'));
  await migrateDatabase(database);
  const audit = createAuditService({ db: database.db, clock });
  await loadReferenceData(database.db, { clock, audit });
  const city = await createOrganisationRepo(database.db).findCity();
  if (!city) throw new Error('no city organisation');
  const actor = systemActor('cli', city.id);
  const organisations = createOrganisationService({ db: database.db, clock, audit });
  const batch = createBatchValidation({ db: database.db, organisations });
  const transfer = createTransferService({ db: database.db, clock, audit, organisations });
  await database.pool.query("UPDATE data_set SET expiry_days = 0 WHERE code = 'DISTRICT_MONTHLY'");

  // Consistent cumulative figures that grow, except that now and then a district's total falls by 25
  // (a BS5G_NEVER_FALLS violation for the batch validation to report).
  const elements = (
    await database.pool.query("SELECT data_element_code AS c FROM data_set_element WHERE data_set_code = 'DISTRICT_MONTHLY'")
  ).rows.map((r) => r.c as string);
  const districts = (await database.pool.query("SELECT id FROM organisation WHERE kind = 'district'")).rows.map((r) => r.id as string);
  await database.pool.query(
    `INSERT INTO data_value (data_element_code, period, org_id, value, comment, stored_by, updated_at)
     SELECT e, p.period, o::uuid,
            (CASE e WHEN 'FIBRE_GIGABIT_COVERAGE' THEN 60 + p.n % 40
                    WHEN 'BS5G_TOTAL' THEN 1000 + p.n * 10 - f.drop
                    WHEN 'BS5G_MACRO' THEN 600 + p.n * 6 - f.drop
                    WHEN 'BS5G_SMALL' THEN 400 + p.n * 4
                    WHEN 'BS5GA' THEN 100 + p.n
                    WHEN 'CV2X_RSU' THEN 20 + p.n
                    ELSE p.n % 3 END)::text,
            CASE WHEN p.n % 12 = 0 THEN '年末核对' END, 'bench', now()
     FROM unnest($1::text[]) e, unnest($2::text[]) WITH ORDINALITY p(period, n), unnest($3::text[]) o,
          LATERAL (SELECT CASE WHEN (p.n + ascii(o)) % 25 = 0 THEN 25 ELSE 0 END AS drop) f`,
    [elements, periods, districts],
  );
  const values = districts.length * periods.length * elements.length;
  log(`${values} values (${districts.length} districts × ${months} months × ${elements.length} elements)`);

  const rawSelect = () =>
    database.pool.query(
      'SELECT data_element_code, period, org_id, value, comment FROM data_value WHERE data_element_code = ANY($1) AND period = ANY($2) AND org_id = ANY($3::uuid[])',
      [elements, periods, districts],
    );
  const query = { dataSet: 'DISTRICT_MONTHLY', from, to };
  let violations = 0;
  let evaluations = 0;
  const batchMs = await repeat(async () => {
    const r = await batch(actor, query);
    violations = r.violations.length;
    evaluations = r.evaluations;
  });
  const selectMs = await repeat(rawSelect);
  let csv = '';
  const exportMs = await repeat(async () => {
    csv = (await transfer.exportCsv(actor, query)).text;
  });

  const content = Buffer.from(csv, 'utf8');
  let imported: Awaited<ReturnType<typeof transfer.importFile>> | undefined;
  const importMs = await time(async () => {
    imported = await transfer.importFile(actor, 'DISTRICT_MONTHLY', { name: 'bench.csv', content });
  });
  const rows = (await rawSelect()).rows as Array<Record<string, string | null>>;
  const upsertMs = await time(() =>
    database.pool.query(
      `INSERT INTO data_value (data_element_code, period, org_id, value, comment, stored_by, updated_at)
       SELECT e, p, o::uuid, v, c, 'bench', now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(e, p, o, v, c)
       ON CONFLICT (data_element_code, period, org_id) DO UPDATE SET value = excluded.value, comment = excluded.comment`,
      [
        rows.map((r) => r.data_element_code),
        rows.map((r) => r.period),
        rows.map((r) => r.org_id),
        rows.map((r) => r.value),
        rows.map((r) => r.comment),
      ],
    ),
  );
  await database.close();
  if (!imported || imported.rejected.length > 0 || imported.written !== values)
    throw new Error(`the export did not import back: ${JSON.stringify(imported?.rejected.slice(0, 3))}`);
  result = {
    bench: 'reporting',
    districts: districts.length,
    months,
    elements: elements.length,
    values,
    runs,
    batchValidation: { ...batchMs, evaluations, violations },
    rawSelectMs: selectMs,
    batchRatioP95: round(batchMs.p95 / Math.max(selectMs.p95, 0.1)),
    csvExportMs: exportMs,
    csvBytes: content.length,
    exportRatioP95: round(exportMs.p95 / Math.max(selectMs.p95, 0.1)),
    csvImportMs: round(importMs),
    csvImportForms: imported.forms.length,
    rawUpsertMs: round(upsertMs),
    importRatio: round(importMs / Math.max(upsertMs, 0.1)),
    smoke,
    ...environment(),
  };
} finally {
  await embedded.stop();
  removeDir(dir);
}
console.log(JSON.stringify(result));
