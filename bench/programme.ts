/**
 * Issue #3 figures: p95 of a filtered project list and of a Chinese search through the API
 * (buildApp + inject, the real services and repositories) against the very SQL those calls
 * issue, replayed directly on the same database in the same run. One JSON line.
 *
 *   npm run bench -- programme [--projects 100000] [--enterprises 20000] [--iterations 200] [--smoke]
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { ConfigSchema, toConfig } from '../apps/server/src/config.ts';
import { connectDatabase, ensureDatabaseExists, migrateDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded-postgres.ts';
import { hashPassword } from '../apps/server/src/modules/accounts/password.ts';
import { createAuditService } from '../apps/server/src/platform/audit/audit.service.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { loadReferenceData } from '../apps/server/src/seed/reference.ts';
import { environment, numberArg, parseArgs, removeDir, round, tempDir } from './lib/common.ts';
import { loadProgrammeSet } from './lib/programme-data.ts';

const args = parseArgs();
const smoke = args.has('smoke');
const projects = numberArg(args, 'projects', smoke ? 2_000 : 100_000);
const enterprises = numberArg(args, 'enterprises', smoke ? 400 : 20_000);
const iterations = numberArg(args, 'iterations', smoke ? 20 : 200);
const log = (m: string) => process.stderr.write(`[programme] ${m}\n`);

const dir = tempDir('suilian-bench-programme-');
const embedded = await startEmbeddedPostgres({ dir: `${dir}/pg`, settings: { fsync: 'off', synchronous_commit: 'off' } });
try {
  await ensureDatabaseExists(embedded.adminUrl, 'bench');
  const url = embedded.urlFor('bench');
  let captured: Array<{ query: string; params: unknown[] }> | null = null;
  const database = connectDatabase(url, { logQuery: (query, params) => captured?.push({ query, params }) });
  await migrateDatabase(database);
  await loadReferenceData(database.db, { clock: systemClock, audit: createAuditService({ db: database.db, clock: systemClock }) });

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  log(`loading ${enterprises} enterprises and ${projects} projects`);
  const t0 = Date.now();
  await loadProgrammeSet(raw, { enterprises, projects });
  await raw.query('ANALYZE');
  const loadMs = Date.now() - t0;

  // The bench measures the work after login; its administrator logs in without a second factor.
  const config = toConfig(ConfigSchema.parse({ LOG_LEVEL: 'silent', TWO_FACTOR_ROLES: '', DATABASE_URL: url, DATA_DIR: dir }));
  const app = await buildApp({ config, database, webDistDir: '/nonexistent' });
  await app.ready();
  const city = await raw.query("SELECT id FROM organisation WHERE kind = 'city'");
  await raw.query(
    "INSERT INTO app_user (id, username, display_name, role, org_id, password_hash, must_change_password, created_at, updated_at) VALUES ($1, 'bench.admin', 'bench', 'city_admin', $2, $3, false, now(), now())",
    [randomUUID(), city.rows[0].id, await hashPassword('Bench-Password-1')],
  );
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench.admin', password: 'Bench-Password-1' },
  });
  const cookie = login.cookies.find((c) => c.name === 'suilian_session')?.value ?? '';
  const district = (await raw.query("SELECT id FROM organisation WHERE division_code = '440112'")).rows[0].id as string;

  const cases = {
    filteredList: (i: number) => `/api/projects?status=under_construction&districtId=${district}&pageSize=20&page=${(i % 5) + 1}`,
    chineseSearch: (i: number) => `/api/projects?q=${encodeURIComponent(i % 2 ? '机器视觉' : '预测维护')}&pageSize=20`,
  };
  const result: Record<string, unknown> = {};
  for (const [name, urlFor] of Object.entries(cases)) {
    // Warm up, and capture the SQL one call issues (the same for every page, parameters aside).
    for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: urlFor(i), cookies: { suilian_session: cookie } });
    captured = [];
    const check = await app.inject({ method: 'GET', url: urlFor(1), cookies: { suilian_session: cookie } });
    const statements = captured;
    captured = null;
    if (check.statusCode !== 200) throw new Error(`${name}: ${check.statusCode} ${check.body}`);
    if (args.has('explain')) {
      for (const st of statements) {
        const plan = await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.query}`, st.params as unknown[]);
        log(`${name}: ${st.query.slice(0, 160)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
    const apiMs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url: urlFor(i), cookies: { suilian_session: cookie } });
      apiMs.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode}`);
    }
    const sqlMs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      for (const s of statements) await raw.query(s.query, s.params as unknown[]);
      sqlMs.push(performance.now() - start);
    }
    const p = (xs: number[], q: number) => round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0, 2);
    result[name] = {
      total: check.json().total,
      statements: statements.length,
      api: { p50Ms: p(apiMs, 0.5), p95Ms: p(apiMs, 0.95) },
      baselineSql: { p50Ms: p(sqlMs, 0.5), p95Ms: p(sqlMs, 0.95) },
      ratioP95: round(p(apiMs, 0.95) / Math.max(0.01, p(sqlMs, 0.95)), 2),
      meetsGoal: p(apiMs, 0.95) <= 100 && p(apiMs, 0.95) / Math.max(0.01, p(sqlMs, 0.95)) <= 1.5,
    };
    log(`${name}: ${JSON.stringify(result[name])}`);
  }
  await app.close();
  await raw.end();
  await database.close();
  process.stdout.write(
    `${JSON.stringify({ bench: 'programme', ...environment(), params: { projects, enterprises, iterations, smoke }, loadMs, ...result, goal: 'p95 ≤ 100 ms and ≤ 1.5 × the same SQL' })}\n`,
  );
} finally {
  await embedded.stop();
  removeDir(dir);
}
