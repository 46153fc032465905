/**
 * Import benchmark: an enterprise .xlsx of --rows rows (default 10 000, every template column
 * filled) uploaded to POST /api/enterprises/import and followed to the end of its job, in process
 * (buildApp + app.inject) on a fresh embedded PostgreSQL with the server's own settings.
 *
 *   validateOnlyMs  the same file plus one bad last row, mode all: every row read and checked,
 *                   nothing written
 *   importMs        the file as is: read, checked, written in one transaction, audited
 *   acceptMs        upload → 202 (reading the workbook and checking the header happen here)
 *   parseMs         reading the workbook alone (readTable), in this process
 *
 * Baseline, same run, same machine: a raw `COPY scratch FROM '<file.csv>'` of the same rows
 * (as CSV, 16 text columns) into a scratch table of the same database.
 *
 *   npm run bench -- import [--rows 10000] [--keep] [--smoke]
 * Prints one JSON line on stdout; progress goes to stderr.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { ConfigSchema, toConfig } from '../apps/server/src/config.ts';
import { type OpenedDatabase, openDatabase } from '../apps/server/src/db/open.ts';
import { hashPassword } from '../apps/server/src/modules/accounts/password.ts';
import { createUserRepo } from '../apps/server/src/modules/accounts/user.repo.ts';
import { createOrganisationRepo } from '../apps/server/src/modules/organisations/organisation.repo.ts';
import { createAuditService } from '../apps/server/src/platform/audit/audit.service.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { readTable } from '../apps/server/src/platform/tabular/read.ts';
import { loadReferenceData } from '../apps/server/src/seed/reference.ts';
import { environment, numberArg, parseArgs, removeDir, round, tempDir, withCleanup } from './lib/common.ts';

const args = parseArgs();
const smoke = args.has('smoke');
const rows = numberArg(args, 'rows', smoke ? 200 : 10_000);
const keep = args.has('keep');
const GOAL_MS = 15_000;
const log = (m: string) => console.error(`import: ${m}`);

const HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '所在区',
  '英文名称',
  '地址',
  '所属行业',
  '产业集群',
  '企业规模',
  '是否规上企业',
  '主要产品',
  '企业简介',
  '联系人',
  '联系人职务',
  '联系电话',
  '电子邮箱',
  '其他联系人',
];
const DISTRICTS = ['荔湾区', '越秀区', '海珠区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区'];
const INDUSTRIES = ['汽车制造业', '通用设备制造业', '专用设备制造业', '计算机、通信和其他电子设备制造业', '医药制造业'];
const CLUSTERS = ['智能网联与新能源汽车', '工业母机和机器人', '新型显示', '集成电路', '智能装备', '生物医药'];
const SIZES = ['大型', '中型', '小型', '微型'];

function creditCode(n: number): string {
  let body = '';
  for (let x = n, i = 0; i < 9; i++, x = Math.floor(x / 31)) body = (CREDIT_CODE_ALPHABET[x % 31] ?? '0') + body;
  const first17 = `91440101${body}`;
  return first17 + creditCodeCheckChar(first17);
}

function row(i: number): string[] {
  const pick = <T>(xs: T[]) => xs[i % xs.length] as T;
  return [
    `广州市基准测试第${i}号智能制造有限公司`,
    creditCode(1_000_000 + i),
    pick(DISTRICTS),
    `Guangzhou Bench Manufacturing No. ${i} Co., Ltd.`,
    `广州市${pick(DISTRICTS)}科学大道${i}号`,
    pick(INDUSTRIES),
    pick(CLUSTERS),
    pick(SIZES),
    i % 3 === 0 ? '是' : '否',
    '工业网关，5G 模组，边缘计算设备',
    '从事智能装备研发与制造，建有 5G 专网覆盖的数字化车间。',
    '王工',
    '信息中心主任',
    `020-${String(30_000_000 + i).slice(0, 8)}`,
    `it${i}@example.cn`,
    `李工|设备部经理|138${String(i).padStart(8, '0')}|`,
  ];
}

async function workbook(data: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业信息');
  ws.addRow(HEADERS);
  for (const r of data) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(data: string[][]): string {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [HEADERS, ...data].map((r) => r.map(quote).join(',')).join('\n');
}

function multipart(name: string, content: Buffer) {
  const boundary = '----suilianbench';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface JobView {
  status: string;
  progress: number;
  total: number;
  message: string | null;
  result: { created: number; rejected: unknown[] } | null;
}

/** Uploads, then polls the job every 10 ms; returns the job and the times. */
async function timedImport(app: FastifyInstance, auth: Record<string, string>, cookie: Record<string, string>, file: Buffer) {
  const body = multipart('bench.xlsx', file);
  const t0 = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/enterprises/import',
    cookies: cookie,
    headers: { ...auth, ...body.headers },
    payload: body.payload,
  });
  const acceptMs = performance.now() - t0;
  if (res.statusCode !== 202) throw new Error(`import: ${res.statusCode} ${res.body}`);
  const { jobId } = res.json() as { jobId: string };
  const seen = new Set<number>();
  for (;;) {
    const j = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, cookies: cookie })).json() as JobView;
    seen.add(j.progress);
    if (j.status === 'succeeded' || j.status === 'failed')
      return { job: j, totalMs: performance.now() - t0, acceptMs, progressValuesSeen: seen.size };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const dir = tempDir('suilian-bench-import');
let opened: OpenedDatabase | null = null;
let app: FastifyInstance | null = null;

await withCleanup(
  async () => {
    await app?.close().catch(() => undefined);
    await opened?.close().catch(() => undefined);
    if (!keep) removeDir(dir);
  },
  async () => {
    // The bench measures the work after login; its administrator logs in without a second factor.
    const config = toConfig(ConfigSchema.parse({ LOG_LEVEL: 'silent', TWO_FACTOR_ROLES: '', DATA_DIR: dir }));
    log(`embedded PostgreSQL in ${dir}`);
    opened = await openDatabase(config, { whenRunning: 'refuse', log: () => undefined });
    const { database } = opened;
    await loadReferenceData(database.db, { clock: systemClock, audit: createAuditService({ db: database.db, clock: systemClock }) });
    app = await buildApp({ config, database, webDistDir: '/nonexistent' });
    await app.ready();
    const city = await createOrganisationRepo(database.db).findByDivisionCode('440100');
    if (!city) throw new Error('no city organisation');
    const now = new Date();
    await createUserRepo(database.db).insert({
      username: 'bench.admin',
      displayName: 'bench',
      role: 'city_admin',
      orgId: city.id,
      passwordHash: await hashPassword('Bench-Password-1'),
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench.admin', password: 'Bench-Password-1' },
    });
    const session = login.cookies.find((c) => c.name === 'suilian_session');
    if (login.statusCode !== 200 || !session) throw new Error(`login failed: ${login.body}`);
    const cookie = { suilian_session: session.value };
    const auth = { 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };

    const data = Array.from({ length: rows }, (_, i) => row(i));
    const good = await workbook(data);
    const bad = await workbook([...data, row(rows).map((v, i) => (i === 1 ? '91440101MA59B7XH3X' : v))]);
    log(`${rows} rows, ${good.length} bytes`);

    const p0 = performance.now();
    const parsedRows = (await readTable('bench.xlsx', good, { maxRows: rows + 1 })).rows.length;
    const parseMs = performance.now() - p0;

    log('validate only (mode all, last row bad)');
    const validate = await timedImport(app, auth, cookie, bad);
    if (validate.job.result?.created !== 0 || validate.job.result.rejected.length !== 1)
      throw new Error(`validate run: ${JSON.stringify(validate.job)}`);
    log('import');
    const full = await timedImport(app, auth, cookie, good);
    if (full.job.status !== 'succeeded' || full.job.result?.created !== rows)
      throw new Error(`import run: ${JSON.stringify(full.job).slice(0, 500)}`);
    if (full.job.progress !== full.job.total) throw new Error('progress did not reach its total');

    log('baseline: COPY of the same rows');
    const csvFile = join(dir, 'rows.csv');
    writeFileSync(csvFile, csv(data));
    chmodSync(csvFile, 0o644);
    await database.pool.query(`CREATE TABLE bench_scratch (${HEADERS.map((_, i) => `c${i} text`).join(', ')})`);
    const c0 = performance.now();
    const copied = await database.pool.query(`COPY bench_scratch FROM '${csvFile}' WITH (FORMAT csv, HEADER true)`);
    const copyMs = performance.now() - c0;
    if (copied.rowCount !== rows) throw new Error(`COPY wrote ${copied.rowCount} rows`);

    console.log(
      JSON.stringify({
        bench: 'import',
        rows,
        fileBytes: good.length,
        importMs: round(full.totalMs),
        acceptMs: round(full.acceptMs),
        validateOnlyMs: round(validate.totalMs),
        parseMs: round(parseMs),
        parsedRows,
        progressValuesSeen: full.progressValuesSeen,
        created: full.job.result.created,
        baseline: { copyMs: round(copyMs) },
        ratio: round(full.totalMs / copyMs, 1),
        goalMs: GOAL_MS,
        meetsGoal: full.totalMs <= GOAL_MS,
        smoke,
        ...environment(),
      }),
    );
  },
);
