/**
 * Issue #4 figures: p50/p95 of the whole dashboard payload (GET /api/dashboard, city-wide) through
 * the real app (buildApp + inject) against the SQL that one call issues, replayed directly on the
 * same database in the same run with the same parallelism (a pool of the app's size, all statements
 * at once — a lower bound for the app); and the first paint of the 驾驶舱 page in Chromium.
 * Data: 11 districts × 36 months × 50 data elements, the programme's 100,000-project bench set
 * (bench/lib/programme-data.ts) with timelines and filing ids, registry records, accepted reports.
 *
 *   npm run bench -- dashboard [--projects 100000] [--iterations 200] [--paints 5] [--no-paint] [--smoke]
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { ConfigSchema, toConfig } from '../apps/server/src/config.ts';
import { connectDatabase, ensureDatabaseExists, migrateDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded-postgres.ts';
import { hashPassword } from '../apps/server/src/modules/accounts/password.ts';
import { createAuditService } from '../apps/server/src/platform/audit/audit.service.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { WEB_DIST_DIR } from '../apps/server/src/platform/paths.ts';
import { loadReferenceData } from '../apps/server/src/seed/reference.ts';
import { launchChromium, submitLogin } from '../e2e/support/browser.ts';
import { environment, freePort, numberArg, parseArgs, removeDir, round, tempDir } from './lib/common.ts';
import { loadProgrammeSet } from './lib/programme-data.ts';

const args = parseArgs();
const smoke = args.has('smoke');
const projects = numberArg(args, 'projects', smoke ? 2_000 : 100_000);
const enterprises = numberArg(args, 'enterprises', smoke ? 400 : 20_000);
const iterations = numberArg(args, 'iterations', smoke ? 20 : 200);
const paints = numberArg(args, 'paints', smoke ? 1 : 5);
const months = 36;
const elements = 50;
const withPaint = !args.has('no-paint') && existsSync(join(WEB_DIST_DIR, 'index.html'));
const log = (m: string) => process.stderr.write(`[dashboard] ${m}\n`);
const PASSWORD = 'Bench-Password-1';

const dir = tempDir('suilian-bench-dashboard-');
const embedded = await startEmbeddedPostgres({ dir: `${dir}/pg`, settings: { fsync: 'off', synchronous_commit: 'off' } });
try {
  await ensureDatabaseExists(embedded.adminUrl, 'bench');
  const url = embedded.urlFor('bench');
  let captured: Array<{ query: string; params: unknown[] }> | null = null;
  const database = connectDatabase(url, { logQuery: (query, params) => captured?.push({ query, params }) });
  await migrateDatabase(database);
  await loadReferenceData(database.db, { clock: systemClock, audit: createAuditService({ db: database.db, clock: systemClock }) });

  const raw = new pg.Client({ connectionString: url });
  // The cluster stops in `finally` while this client is still open: its termination is expected, and an
  // unhandled 'error' event would hide whatever failed first.
  raw.on('error', () => {});
  await raw.connect();
  log(`loading ${enterprises} enterprises, ${projects} projects, ${months} months × ${elements} data elements × 11 districts`);
  const t0 = Date.now();
  await loadProgrammeSet(raw, { enterprises, projects });
  // Timelines up to each project's state, a month apart, and a national filing id on a third of them.
  await raw.query(`
    INSERT INTO project_event (project_id, action, to_state, actor_name, actor_role, occurred_at)
    SELECT p.id, 'bench', s.state, 'bench', 'city_admin', p.created_at + s.k * interval '30 days'
      FROM project p CROSS JOIN LATERAL (VALUES (0, 'submitted'), (1, 'approved'), (2, 'under_construction'), (3, 'built'), (4, 'accepted')) s(k, state)
     WHERE s.k <= CASE p.state WHEN 'submitted' THEN 0 WHEN 'city_review' THEN 0 WHEN 'approved' THEN 1
                   WHEN 'under_construction' THEN 2 WHEN 'built' THEN 3 WHEN 'accepted' THEN 4 ELSE -1 END`);
  await raw.query(`UPDATE project SET filing_id = 'GD5G-' || code WHERE abs(hashtext(id::text)) % 3 = 0`);
  // Ecosystem registries: a record per five projects, over the last 900 days.
  await raw.query(
    `
    WITH e AS (SELECT id, district_id, row_number() OVER (ORDER BY id) AS k FROM organisation WHERE kind = 'enterprise')
    INSERT INTO registry_record (registry, org_id, district_id, title, record_date, kind, quantity, data, created_at, updated_at)
    SELECT (ARRAY['patents','standards','trainings','events','carriers','platforms','pilot-projects'])[n % 7 + 1], e.id, e.district_id,
           'bench ' || n, current_date - (n % 900), (ARRAY['national','industry','exchange_meeting','international', NULL])[n % 5 + 1],
           n % 50, '{}', now(), now()
      FROM generate_series(1, $1::int) n JOIN e ON e.k = (n % $2::int) + 1`,
    [Math.ceil(projects / 5), enterprises],
  );
  // Fifty data elements (the ten seeded ones and forty more), reported by every district for 36 months, all accepted.
  await raw.query(`
    INSERT INTO data_element (code, name_zh, name_en, value_type, aggregation, unit, updated_at)
    SELECT 'BENCH_E' || lpad(n::text, 2, '0'), '测试指标' || n, 'Bench element ' || n, 'integer', 'SUM', '个', now()
      FROM generate_series(1, ${elements} - (SELECT count(*) FROM data_element)::int) n`);
  await raw.query(
    `
    WITH p AS (SELECT to_char(date_trunc('month', now()) - k * interval '1 month', 'YYYYMM') AS period, $1::int - k AS step
                 FROM generate_series(1, $1::int) k),
         d AS (SELECT id, row_number() OVER (ORDER BY division_code) AS k FROM organisation WHERE kind = 'district')
    INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at)
    SELECT e.code, p.period, d.id,
           (CASE WHEN e.code LIKE 'BS5G%' OR e.code IN ('BS5GA', 'BS_VENUE') THEN 3000 + d.k * 400 + p.step * 60 ELSE (p.step * 7 + d.k) % 5 END)::text,
           'bench', now()
      FROM data_element e CROSS JOIN p CROSS JOIN d`,
    [months],
  );
  await raw.query(
    `
    INSERT INTO data_registration (data_set_code, period, org_id, state, completed_at, approved_at, accepted_at)
    SELECT 'DISTRICT_MONTHLY', to_char(date_trunc('month', now()) - k * interval '1 month', 'YYYYMM'), d.id, 'accepted', now(), now(), now()
      FROM generate_series(1, $1::int) k CROSS JOIN organisation d WHERE d.kind = 'district'`,
    [months],
  );
  // As autovacuum would have after a bulk load: statistics and the visibility map (index-only scans).
  await raw.query('VACUUM ANALYZE');
  const loadMs = Date.now() - t0;
  const counts = (
    await raw.query(`SELECT (SELECT count(*) FROM project)::int AS projects, (SELECT count(*) FROM project_event)::int AS events,
                            (SELECT count(*) FROM data_value)::int AS data_values, (SELECT count(*) FROM registry_record)::int AS registry_records`)
  ).rows[0];
  log(`loaded in ${loadMs} ms: ${JSON.stringify(counts)}`);

  const config = toConfig(ConfigSchema.parse({ LOG_LEVEL: 'silent', DATABASE_URL: url, DATA_DIR: dir }));
  const app = await buildApp({ config, database, webDistDir: withPaint ? WEB_DIST_DIR : '/nonexistent' });
  await app.ready();
  const city = await raw.query("SELECT id FROM organisation WHERE kind = 'city'");
  // A city analyst reads the whole city's dashboard like an administrator and needs no second factor.
  await raw.query(
    "INSERT INTO app_user (id, username, display_name, role, org_id, password_hash, must_change_password, created_at, updated_at) VALUES ($1, 'bench.admin', 'bench', 'city_analyst', $2, $3, false, now(), now())",
    [randomUUID(), city.rows[0].id, await hashPassword(PASSWORD)],
  );
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench.admin', password: PASSWORD } });
  const cookie = login.cookies.find((c) => c.name === 'suilian_session')?.value ?? '';
  const call = () => app.inject({ method: 'GET', url: '/api/dashboard', cookies: { suilian_session: cookie } });

  // The service keeps a payload while nothing is written (WAL position); a write before each call
  // makes every measured call compute the whole payload ("cold"), as after any change to the data.
  await raw.query('CREATE TABLE bench_tick (n int)');
  const tick = () => raw.query('INSERT INTO bench_tick VALUES (1)');
  for (let i = 0; i < 5; i++) {
    await tick();
    await call();
  }
  await tick();
  captured = [];
  const check = await call();
  const statements = captured.filter((s) => !s.query.includes('pg_current_wal_insert_lsn'));
  captured = null;
  if (check.statusCode !== 200) throw new Error(`dashboard: ${check.statusCode} ${check.body}`);
  const body = check.json();
  const apiMs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    await tick();
    const start = performance.now();
    const res = await call();
    apiMs.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`dashboard: ${res.statusCode}`);
  }
  // Warm: nothing written between calls, as when many people look at the same page.
  const warmMs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const res = await call();
    warmMs.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`dashboard: ${res.statusCode}`);
  }
  if (args.has('profile')) {
    const timed: Array<[number, string]> = [];
    for (const s of statements) {
      const start = performance.now();
      await raw.query(s.query, s.params as unknown[]);
      timed.push([round(performance.now() - start, 2), s.query.replace(/\s+/g, ' ').slice(0, 200)]);
    }
    timed.sort((a, b) => b[0] - a[0]);
    for (const [ms, q] of timed.slice(0, 15)) log(`${ms} ms ${q}`);
    const slowest = [...statements].sort(
      (a, b) =>
        timed.findIndex((x) => x[1] === a.query.replace(/\s+/g, ' ').slice(0, 200)) -
        timed.findIndex((x) => x[1] === b.query.replace(/\s+/g, ' ').slice(0, 200)),
    )[0];
    if (slowest) {
      const plan = await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.query}`, slowest.params as unknown[]);
      log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  }
  // The baseline: the same statements straight to PostgreSQL, all at once over a pool of the app's size.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  for (const s of statements) await pool.query(s.query, s.params as unknown[]);
  const sqlMs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await Promise.all(statements.map((s) => pool.query(s.query, s.params as unknown[])));
    sqlMs.push(performance.now() - start);
  }
  await pool.end();
  const p = (xs: number[], q: number) => round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0, 2);
  const api = { p50Ms: p(apiMs, 0.5), p95Ms: p(apiMs, 0.95) };
  const baselineSql = { p50Ms: p(sqlMs, 0.5), p95Ms: p(sqlMs, 0.95) };
  const warm = { p50Ms: p(warmMs, 0.5), p95Ms: p(warmMs, 0.95) };
  const payload = {
    statements: statements.length,
    bytes: check.body.length,
    pipelineTotal: body.pipeline.total,
    api,
    baselineSql,
    warm,
    ratioP95: round(api.p95Ms / Math.max(0.01, baselineSql.p95Ms), 2),
    meetsGoal: api.p95Ms <= 150,
    warmMeetsGoal: warm.p95Ms <= 150,
  };
  log(`payload: ${JSON.stringify(payload)}`);

  // First paint of /dashboard in Chromium, logged in, after one visit warmed the HTTP cache like a returning user.
  let firstPaint: Record<string, unknown> = { skipped: withPaint ? false : 'no apps/web/dist (npm run build) or --no-paint' };
  if (withPaint) {
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({
        baseURL: `http://127.0.0.1:${port}`,
        locale: 'zh-CN',
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      await page.goto('/login');
      await submitLogin(page, 'bench.admin', PASSWORD);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      const fcp: number[] = [];
      const figures: number[] = [];
      for (let i = 0; i <= paints; i++) {
        const tab = await context.newPage();
        await tab.goto('/dashboard');
        await tab.getByTestId('dashboard-cards').waitFor();
        const timing = await tab.evaluate(() => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          now: performance.now(),
        }));
        await tab.close();
        if (i === 0) continue; // the first visit fills the cache
        if (timing.fcp !== null) fcp.push(timing.fcp);
        figures.push(timing.now);
      }
      firstPaint = {
        runs: fcp.length,
        firstContentfulPaintMs: { p50: p(fcp, 0.5), max: round(Math.max(...fcp), 2) },
        cardsVisibleMs: { p50: p(figures, 0.5), max: round(Math.max(...figures), 2) },
      };
    } finally {
      await browser.close();
    }
  }
  log(`first paint: ${JSON.stringify(firstPaint)}`);
  await app.close();
  await raw.end();
  await database.close();
  process.stdout.write(
    `${JSON.stringify({
      bench: 'dashboard',
      ...environment(),
      params: { projects, enterprises, months, elements, districts: 11, iterations, smoke },
      loadMs,
      data: counts,
      dashboard: payload,
      firstPaint,
      goal: 'p95 ≤ 150 ms for the whole payload',
    })}\n`,
  );
} finally {
  await embedded.stop();
  removeDir(dir);
}
