import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { waitForJob } from '../../../test/imports.js';
import { REFERENCE_DIR } from '../../platform/paths.js';

type Rejected = { file: string; reason: { code: string; params?: Record<string, unknown> }; messages: string[] };
type Result = { files: number; created: number; updated: number; skipped: number; rejected: Rejected[] };

const SEEDS = ['icsa-24-030-03.json', 'icsa-24-256-01.json', 'icsa-24-256-25.json', 'icsa-23-331-03.json'];
const seed = (name: string) => JSON.parse(readFileSync(join(REFERENCE_DIR, 'csaf', name), 'utf8'));

/** `n` valid advisories: the small fixtures again and again under tracking ids of their own. */
function variants(n: number): Array<{ name: string; content: Buffer }> {
  const docs = SEEDS.map(seed);
  return Array.from({ length: n }, (_, k) => {
    const doc = structuredClone(docs[k % docs.length]);
    doc.document.tracking.id = `${doc.document.tracking.id}-V${k}`;
    return { name: `corpus/${String(k).padStart(4, '0')}.json`, content: Buffer.from(JSON.stringify(doc)) };
  });
}

/** The same advisory at tracking version 2, with the revision history saying so. */
function secondVersion(content: Buffer): Buffer {
  const doc = JSON.parse(content.toString('utf8'));
  const t = doc.document.tracking;
  t.version = '2';
  t.current_release_date = '2025-01-15T00:00:00.000Z';
  t.revision_history.push({ number: '2', date: '2025-01-15T00:00:00.000Z', summary: 'Updated remediation' });
  return Buffer.from(JSON.stringify(doc));
}

function multipart(files: Array<{ name: string; content: Buffer }>) {
  const boundary = 'suilianCorpusBoundary';
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
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A corpus import on a shared two-core machine may take minutes; the tests assert outcomes, never durations. */
const SLOW = 600_000;

// Issue #13 item 4: a corpus in ONE directory import, above the multipart library's 1,000 parts.
describe('CSAF directory import of a corpus (#13 item 4)', () => {
  let ctx: TestContext;
  let analyst: Session;
  const count = async (table: string) => (await ctx.database.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const tables = [
    'vuln_advisory',
    'vuln_advisory_revision',
    'vulnerability',
    'vuln_product_entry',
    'vuln_score',
    'vuln_advisory_vulnerability',
  ];
  const counts = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));

  const send = (files: Array<{ name: string; content: Buffer }>) => {
    const { payload, headers } = multipart(files);
    return ctx.app.inject({
      method: 'POST',
      url: '/api/security/advisories/csaf-directory',
      payload,
      headers: { ...headers, [CSRF_HEADER]: analyst.csrf },
      cookies: { [SESSION_COOKIE]: analyst.cookie },
    });
  };
  const importAll = async (files: Array<{ name: string; content: Buffer }>) => {
    const res = await send(files);
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(analyst, res.json().id);
    expect(job.status, job.message ?? '').toBe('succeeded');
    return job.result as unknown as Result;
  };

  const corpus = variants(1100);
  const damaged = { name: 'corpus/damaged.json', content: corpus[0]?.content.subarray(0, 500) ?? Buffer.alloc(0) };
  const notCsaf = { name: 'corpus/not-csaf.json', content: Buffer.from('{"document":{"category":"csaf_base"}}') };

  beforeAll(async () => {
    ctx = await createTestApp();
    await insertUser(ctx, 'corpus.analyst', 'security_analyst', (await orgByDivision(ctx, '440100')).id);
    analyst = await login(ctx, 'corpus.analyst');
  });
  afterAll(async () => ctx?.close());

  it(
    'imports 1,100 files in one request; a damaged and an invalid file are rejected by name and reason while the others land',
    async () => {
      const result = await importAll([...corpus, damaged, notCsaf]);
      expect(result).toMatchObject({ files: 1102, created: 1100, updated: 0, skipped: 0 });
      expect(result.rejected.map((r) => [r.file, r.reason.code])).toEqual([
        ['corpus/damaged.json', 'advisory.file_not_json'],
        ['corpus/not-csaf.json', 'advisory.csaf_invalid'],
      ]);
      expect(result.rejected[1]?.reason.params).toMatchObject({ file: 'corpus/not-csaf.json' });
      expect(result.rejected[1]?.messages.length).toBeGreaterThan(0);
      expect(await count('vuln_advisory')).toBe(1100);
      expect(await count('vuln_advisory_revision')).toBe(1100);
      // One audit entry per advisory, as with single imports.
      const audited = await ctx.database.pool.query(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'vulnerability.advisory_import' AND entity_type = 'vuln_advisory'",
      );
      expect(audited.rows[0].n).toBe(1100);
    },
    SLOW,
  );

  it(
    'changes nothing when the same directory is imported again',
    async () => {
      const before = await counts();
      const result = await importAll([...corpus, damaged]);
      expect(result).toMatchObject({ files: 1101, created: 0, updated: 0, skipped: 1100 });
      expect(result.rejected.map((r) => r.file)).toEqual(['corpus/damaged.json']);
      expect(await counts()).toEqual(before);
    },
    SLOW,
  );

  it(
    'keeps the revision history when a new version of an advisory arrives with the rest',
    async () => {
      const target = corpus[1] as { name: string; content: Buffer };
      const trackingId = JSON.parse(target.content.toString('utf8')).document.tracking.id as string;
      const entriesBefore = await count('vuln_product_entry');
      const result = await importAll([
        ...corpus.slice(0, 1),
        { name: target.name, content: secondVersion(target.content) },
        ...corpus.slice(2),
      ]);
      expect(result).toMatchObject({ created: 0, updated: 1, skipped: 1099, rejected: [] });
      const advisory = (await analyst.request('GET', `/api/security/advisories?q=${trackingId}`)).json().items[0];
      expect(advisory.trackingVersion).toBe('2');
      const detail = (await analyst.request('GET', `/api/security/advisories/${advisory.id}`)).json();
      expect(detail.importedVersions.map((r: { trackingVersion: string }) => r.trackingVersion).sort()).toEqual(['1', '2']);
      // The new version replaced the old one's product entries instead of adding to them.
      expect(await count('vuln_product_entry')).toBe(entriesBefore);
    },
    SLOW,
  );

  it(
    'answers more files than the limit with a 413 naming the limit (reason code for the console)',
    async () => {
      const tiny = Array.from({ length: 5001 }, (_, k) => ({ name: `x/${k}.json`, content: Buffer.from('{}') }));
      const res = await send(tiny);
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        details: { reason: { code: 'advisory.directory_too_many_files', params: { max: 5000 } } },
      });
      expect(res.json().error.message).toContain('5000');
    },
    SLOW,
  );
});
