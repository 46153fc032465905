import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../test/harness.js';
import { uploadAs as upload, waitForJob } from '../../../test/imports.js';
import { manualClock } from '../../platform/clock.js';
import { REFERENCE_DIR } from '../../platform/paths.js';

const csaf = (name: string) => readFileSync(join(REFERENCE_DIR, 'csaf', name));
const cve = (name: string) => readFileSync(join(REFERENCE_DIR, 'cve', name));

// Issue #5 items 1 and 2: filling the database (CSAF, CVE, manual), dedup by CVE id, revisions, bad input.
describe('vulnerability database import', () => {
  let ctx: TestContext;
  let analyst: Session;
  let enterprise: Session;
  const clock = manualClock(new Date('2026-11-20T02:00:00Z'));
  const count = async (table: string) => (await ctx.database.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const e = await insertEnterprise(ctx, huangpu.id, '黄埔安全测试有限公司', '91440112MA5AAAAA1X');
    await insertUser(ctx, 'sec.analyst', 'security_analyst', city.id);
    await insertUser(ctx, 'sec.enterprise', 'enterprise_user', e.id);
    analyst = await login(ctx, 'sec.analyst');
    enterprise = await login(ctx, 'sec.enterprise');
  });
  afterAll(async () => ctx?.close());

  it('imports a CSAF advisory, scores it and skips the same version again', async () => {
    const res = await upload(ctx, analyst, '/api/security/advisories/csaf', 'icsa-24-256-01.json', csaf('icsa-24-256-01.json'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ trackingId: 'ICSA-24-256-01', trackingVersion: '1', outcome: 'created', vulnerabilities: 1 });
    const again = await upload(ctx, analyst, '/api/security/advisories/csaf', 'icsa-24-256-01.json', csaf('icsa-24-256-01.json'));
    expect(again.json().outcome).toBe('skipped');
    const list = (await analyst.request('GET', '/api/security/vulnerabilities?q=CVE-2024-42345')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ key: 'CVE-2024-42345', sources: ['csaf'] });
    expect(list.items[0].grade).not.toBeNull();
  });

  it('deduplicates a CVE record and the CSAF advisory of the same CVE into one vulnerability, keeping both sources’ products', async () => {
    const res = await upload(ctx, analyst, '/api/security/advisories/cve', 'CVE-2024-42345.json', cve('CVE-2024-42345.json'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toBe('created');
    const list = (await analyst.request('GET', '/api/security/vulnerabilities?q=CVE-2024-42345')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].sources).toEqual(['csaf', 'cve']);
    const detail = (await analyst.request('GET', `/api/security/vulnerabilities/${list.items[0].id}`)).json();
    expect(new Set(detail.entries.map((e: { source: string }) => e.source))).toEqual(new Set(['csaf', 'cve']));
    expect(detail.advisories.map((a: { trackingId: string }) => a.trackingId).sort()).toEqual(['CVE-2024-42345', 'ICSA-24-256-01']);
    // Both sources state scores; each is recomputed from its vector.
    expect(detail.scores.length).toBeGreaterThanOrEqual(2);
    for (const s of detail.scores) expect(s.computedScore).not.toBeNull();
  });

  it('updates the advisory from a newer revision and keeps the history', async () => {
    clock.advance(3_600_000);
    const doc = JSON.parse(csaf('icsa-24-256-01.json').toString('utf8'));
    const tracking = doc.document.tracking;
    tracking.version = '2';
    tracking.current_release_date = '2024-10-10T00:00:00.000000Z';
    tracking.revision_history.push({ number: '2', date: '2024-10-10T00:00:00.000000Z', summary: 'Added a fixed version' });
    const res = await upload(ctx, analyst, '/api/security/advisories/csaf', 'icsa-24-256-01.json', Buffer.from(JSON.stringify(doc)));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'updated', trackingVersion: '2' });
    const advisories = (await analyst.request('GET', '/api/security/advisories?q=ICSA-24-256-01')).json();
    const detail = (await analyst.request('GET', `/api/security/advisories/${advisories.items[0].id}`)).json();
    expect(detail.trackingVersion).toBe('2');
    expect(detail.importedVersions.map((v: { trackingVersion: string }) => v.trackingVersion)).toEqual(['2', '1']);
    expect(detail.revisionHistory.at(-1)).toMatchObject({ number: '2', summary: 'Added a fixed version' });
    // An older version after a newer one changes nothing.
    const old = await upload(ctx, analyst, '/api/security/advisories/csaf', 'icsa-24-256-01.json', csaf('icsa-24-256-01.json'));
    expect(old.json()).toMatchObject({ outcome: 'skipped', trackingVersion: '2' });
  });

  it('refuses an invalid CSAF document with the validator’s messages and writes nothing', async () => {
    const before = { advisories: await count('vuln_advisory'), vulns: await count('vulnerability'), audit: await count('audit_log') };
    const doc = JSON.parse(csaf('icsa-24-046-05.json').toString('utf8'));
    delete doc.document.publisher;
    const res = await upload(ctx, analyst, '/api/security/advisories/csaf', 'broken.json', Buffer.from(JSON.stringify(doc)));
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.details.issues as Array<{ message: string }>;
    expect(issues.some((i) => /publisher/.test(i.message))).toBe(true);
    const truncated = csaf('icsa-24-046-05.json').subarray(0, 2000);
    const cut = await upload(ctx, analyst, '/api/security/advisories/csaf', 'cut.json', truncated);
    expect(cut.statusCode).toBe(422);
    expect(cut.json().error.details.issues[0]).toMatchObject({ field: 'file', rule: 'json' });
    expect({ advisories: await count('vuln_advisory'), vulns: await count('vulnerability'), audit: await count('audit_log') }).toEqual(
      before,
    );
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 0x20);
    const res = await upload(ctx, analyst, '/api/security/advisories/csaf', 'big.json', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes a CNVD record by hand (Chinese fields) and joins it to its CVE', async () => {
    const record = {
      id: 'CNVD-2024-38211',
      cve: 'CVE-2024-8531',
      titleZh: 'Schneider Electric Data Center Expert 跨站脚本漏洞',
      descriptionZh: '攻击者可利用该漏洞执行任意脚本。',
      solutionZh: '厂商已发布升级补丁。',
      grade: 'medium',
      publishedAt: '2024-10-20',
      products: [{ vendor: '施耐德电气', product: 'Data Center Expert', versions: '8.1.1.3及之前版本' }],
    };
    const res = await analyst.request('POST', '/api/security/manual-records', record);
    expect(res.statusCode, res.body).toBe(201);
    const dup = await analyst.request('POST', '/api/security/manual-records', record);
    expect(dup.statusCode).toBe(409);
    const bad = await analyst.request('POST', '/api/security/manual-records', { ...record, id: 'CNVD-24-1' });
    expect(bad.statusCode).toBe(422);
    const list = (await analyst.request('GET', '/api/security/vulnerabilities?q=CNVD-2024-38211')).json();
    expect(list.items[0]).toMatchObject({ key: 'CVE-2024-8531', cnvd: 'CNVD-2024-38211', titleZh: record.titleZh, grade: 'medium' });
  });

  it('imports a directory as a job, idempotently, reporting rejected files', async () => {
    const names = ['icsa-23-348-10.json', 'icsa-24-235-03.json', 'icsa-24-289-02.json'];
    const files = [
      ...names.map((n) => ({ name: n, content: csaf(n) })),
      { name: 'not-csaf.json', content: Buffer.from('{"document":{}}') },
    ];
    const run = async () => {
      const boundary = 'suilianDirectoryBoundary';
      const payload = Buffer.concat([
        ...files.flatMap((f) => [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/json\r\n\r\n`,
          ),
          f.content,
          Buffer.from('\r\n'),
        ]),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/security/advisories/csaf-directory',
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, [CSRF_HEADER]: analyst.csrf },
        cookies: { [SESSION_COOKIE]: analyst.cookie },
      });
      return res;
    };
    const first = await run();
    expect(first.statusCode, first.body).toBe(202);
    const job = await waitForJob(analyst, first.json().id);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ files: 4, created: 3, updated: 0, skipped: 0 });
    expect((job.result as unknown as { rejected: Array<{ file: string; messages: string[] }> }).rejected[0]).toMatchObject({
      file: 'not-csaf.json',
    });
    const big = (await analyst.request('GET', '/api/security/advisories?q=ICSA-23-348-10')).json().items[0];
    expect(big.vulnerabilityCount).toBe(404);
    const again = await waitForJob(analyst, (await run()).json().id);
    expect(again.result).toMatchObject({ files: 4, created: 0, skipped: 3 });
    // The first directory import of a process starts the worker threads, each loading the validator.
  }, 120_000);

  it('flags a stated score that disagrees with the score recomputed from its vector', async () => {
    const record = JSON.parse(cve('CVE-2024-8531.json').toString('utf8'));
    record.containers.cna.metrics[0].cvssV3_1.baseScore = 9.8;
    const res = await upload(ctx, analyst, '/api/security/advisories/cve', 'CVE-2024-8531.json', Buffer.from(JSON.stringify(record)));
    expect(res.statusCode, res.body).toBe(200);
    const list = (await analyst.request('GET', '/api/security/vulnerabilities?disagrees=true')).json();
    expect(list.items.map((v: { key: string }) => v.key)).toEqual(['CVE-2024-8531']);
    const detail = (await analyst.request('GET', `/api/security/vulnerabilities/${list.items[0].id}`)).json();
    const stated = detail.scores.find((x: { statedScore: number | null }) => x.statedScore === 9.8);
    expect(stated).toMatchObject({ computedScore: 7.2, disagrees: true, grade: 'high' });
    // The grade follows the recomputed score, not the inflated stated one.
    expect(detail.grade).toBe('high');
  });

  it('lets only analysts import', async () => {
    const res = await upload(ctx, enterprise, '/api/security/advisories/csaf', 'x.json', csaf('icsa-24-046-05.json'));
    expect(res.statusCode).toBe(403);
    expect((await enterprise.request('GET', '/api/security/vulnerabilities')).statusCode).toBe(200);
  });
});
