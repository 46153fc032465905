/**
 * Issue #16 item 5: CKAN `package_search` p95 ≤ 50 ms over 1,000 datasets. The real app (buildApp +
 * inject, anonymous as a harvester is) answers `GET /api/3/action/package_search?q=…&rows=…&start=…`
 * for a rotating set of free-text queries (Chinese and English words, codes, CKAN's `*:*`) and pages;
 * the baseline replays the SQL one call issues straight to PostgreSQL in the same run (the floor
 * under any implementation on this schema).
 * Data: `--datasets` catalogue entries (70 % public, 20 % registered, 10 % internal) with titles,
 * descriptions and keywords drawn from the programme's vocabulary, three distributions each, and one
 * in ten an uploaded statistics table of 500 rows (what a search must not drag along).
 *
 *   npm run bench -- ckan-search [--datasets 1000] [--iterations 500] [--rows 10] [--smoke]
 *
 * Prints one JSON line on stdout.
 */
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { ConfigSchema, toConfig } from '../apps/server/src/config.ts';
import { connectDatabase, ensureDatabaseExists, migrateDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded-postgres.ts';
import { createAuditService } from '../apps/server/src/platform/audit/audit.service.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { loadReferenceData } from '../apps/server/src/seed/reference.ts';
import { environment, numberArg, parseArgs, removeDir, round, tempDir } from './lib/common.ts';

const GOAL_P95_MS = 50;
const args = parseArgs();
const smoke = args.has('smoke');
const datasets = numberArg(args, 'datasets', smoke ? 200 : 1_000);
const iterations = numberArg(args, 'iterations', smoke ? 60 : 500);
const rows = numberArg(args, 'rows', 10);
const log = (m: string) => process.stderr.write(`[ckan-search] ${m}\n`);

/** What harvesters and portal visitors type: single words, phrases, codes, nothing (`*:*`), misses. */
const QUERIES = ['*:*', '工厂', '5G', '专网', '指标', '企业名录', 'statistics', 'gz-bench-0042', '黄埔区', '漏洞', '不存在的词', 'network'];

const dir = tempDir('suilian-bench-ckan-');
const embedded = await startEmbeddedPostgres({ dir: `${dir}/pg`, settings: { fsync: 'off', synchronous_commit: 'off' } });
try {
  await ensureDatabaseExists(embedded.adminUrl, 'bench');
  const url = embedded.urlFor('bench');
  let captured: Array<{ query: string; params: unknown[] }> | null = null;
  const database = connectDatabase(url, { logQuery: (query, params) => captured?.push({ query, params }) });
  await migrateDatabase(database);
  await loadReferenceData(database.db, { clock: systemClock, audit: createAuditService({ db: database.db, clock: systemClock }) });

  const raw = new pg.Client({ connectionString: url });
  // The cluster stops in `finally` while this client may still be open: its termination is expected.
  raw.on('error', () => {});
  await raw.connect();
  const t0 = Date.now();
  await raw.query(
    `
    WITH words AS (
      SELECT ARRAY['工业互联网','5G工厂','行业虚拟专网','边缘计算','标识解析','工控安全','典型案例','专项资金','中小企业','数字化转型'] AS topic,
             ARRAY['黄埔区','番禺区','南沙区','白云区','花都区','增城区','从化区','天河区','海珠区','越秀区','荔湾区'] AS place,
             ARRAY['统计','名录','指标月度值','分区汇总','年度报告'] AS kind
    )
    INSERT INTO dataset (code, title_zh, title_en, description_zh, description_en, publisher, theme, keywords, licence, frequency,
                         access_level, spatial, source, upload_rows, created_at, updated_at)
    SELECT 'gz-bench-' || lpad(n::text, 4, '0'),
           w.place[n % 11 + 1] || w.topic[n % 10 + 1] || w.kind[n % 5 + 1] || '（' || n || '）',
           'Guangzhou bench dataset ' || n || ' network statistics',
           '广州市' || w.place[n % 11 + 1] || w.topic[n % 10 + 1] || '相关' || w.kind[n % 5 + 1] || '，按月更新，供分析与开放使用。',
           'Bench dataset ' || n || ' of the programme, updated monthly.',
           '广州市工业和信息化局', (ARRAY['ECON','TECH','GOVE','REGI'])[n % 4 + 1],
           ARRAY[w.topic[n % 10 + 1], w.place[n % 11 + 1], '5G'],
           CASE WHEN n % 10 < 7 THEN 'CC-BY-4.0' ELSE 'restricted' END, 'monthly',
           CASE WHEN n % 10 < 7 THEN 'public' WHEN n % 10 < 9 THEN 'registered' ELSE 'internal' END,
           '广州市',
           CASE WHEN n % 10 = 3 THEN '{"kind":"upload","template":"industry_statistics"}'::jsonb
                ELSE '{"kind":"query","query":"indicator_values"}'::jsonb END,
           CASE WHEN n % 10 = 3 THEN (SELECT jsonb_agg(jsonb_build_object('period','2026-06','district_code','440112','industry_code','C' || k,
                                                                         'industry_name','制造业' || k,'enterprises',k,'output_value',k * 10,'employees',k * 3))
                                        FROM generate_series(1, 500) k) END,
           now(), now()
      FROM generate_series(1, $1::int) n CROSS JOIN words w`,
    [datasets],
  );
  await raw.query(`
    INSERT INTO dataset_distribution (dataset_id, format, content, byte_size, checksum, row_count, fingerprint, modified_at)
    SELECT d.id, f.format, convert_to(repeat('x', 2048), 'UTF8'), 2048, md5(d.code || f.format), 120, md5(d.code), now()
      FROM dataset d CROSS JOIN (VALUES ('csv'), ('json'), ('xlsx')) f(format)`);
  await raw.query('VACUUM ANALYZE');
  const publicCount = (await raw.query("SELECT count(*)::int AS n FROM dataset WHERE access_level = 'public'")).rows[0].n as number;
  log(`${datasets} datasets (${publicCount} public) loaded in ${Date.now() - t0} ms`);

  const config = toConfig(ConfigSchema.parse({ LOG_LEVEL: 'silent', DATABASE_URL: url, DATA_DIR: dir }));
  const app = await buildApp({ config, database, webDistDir: '/nonexistent' });
  await app.ready();
  const requestAt = (i: number) => {
    const q = QUERIES[i % QUERIES.length] as string;
    const start = (Math.floor(i / QUERIES.length) % 5) * rows;
    return `/api/3/action/package_search?q=${encodeURIComponent(q)}&rows=${rows}&start=${start}`;
  };
  // Each harvester call is a fresh client: the public rate limit keys on the address, so it is
  // spread over addresses as many harvesters would be (the limit is not what is measured).
  const call = (i: number) => app.inject({ method: 'GET', url: requestAt(i), remoteAddress: `10.1.${(i >> 8) & 255}.${i & 255}` });

  for (let i = 0; i < QUERIES.length * 2; i++) {
    const res = await call(i);
    if (res.statusCode !== 200) throw new Error(`package_search: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const check = (await call(1)).json() as { success: boolean; result: { count: number; results: unknown[] } };
  if (!check.success || check.result.results.length === 0) throw new Error('package_search found nothing for 工厂');

  const apiMs: number[] = [];
  const statementsOf: Array<Array<{ query: string; params: unknown[] }>> = [];
  for (let i = 0; i < iterations; i++) {
    captured = [];
    const start = performance.now();
    const res = await call(i);
    apiMs.push(performance.now() - start);
    statementsOf.push(captured);
    captured = null;
    if (res.statusCode !== 200) throw new Error(`package_search: ${res.statusCode}`);
  }
  // The baseline: the same statements of each call, one after another as the app issues them.
  const sqlMs: number[] = [];
  for (const statements of statementsOf) {
    const start = performance.now();
    for (const s of statements) await raw.query(s.query, s.params as unknown[]);
    sqlMs.push(performance.now() - start);
  }
  const p = (xs: number[], q: number) => round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0, 2);
  const api = { p50Ms: p(apiMs, 0.5), p95Ms: p(apiMs, 0.95), p99Ms: p(apiMs, 0.99) };
  const baselineSql = { p50Ms: p(sqlMs, 0.5), p95Ms: p(sqlMs, 0.95), p99Ms: p(sqlMs, 0.99) };
  await app.close();
  await raw.end();
  process.stdout.write(
    `${JSON.stringify({
      bench: 'ckan-search',
      smoke,
      datasets,
      publicDatasets: publicCount,
      iterations,
      rows,
      statementsPerCall: statementsOf[0]?.length ?? 0,
      api,
      baselineSql,
      ratioP95: round(api.p95Ms / Math.max(0.01, baselineSql.p95Ms), 2),
      goalP95Ms: GOAL_P95_MS,
      meetsGoal: api.p95Ms <= GOAL_P95_MS,
      ...environment(),
    })}\n`,
  );
} finally {
  await embedded.stop();
  removeDir(dir);
}
