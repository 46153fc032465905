import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { asSuperuser, checkpointNow, rewriteHistory, verifyAsCli } from '../../../test/audit-tampering.js';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';

const run = promisify(execFile);
const SERVER_DIR = new URL('../../..', import.meta.url).pathname;

/** A test app with a city administrator who has written `writes` audited changes through the API. */
async function appWithHistory(writes: number): Promise<{ ctx: TestContext; admin: Session }> {
  const ctx = await createTestApp();
  const city = await orgByDivision(ctx, '440100');
  const tianhe = await orgByDivision(ctx, '440106');
  await insertUser(ctx, 'attack.admin', 'city_admin', city.id);
  const admin = await login(ctx, 'attack.admin');
  const created = await admin.request('POST', '/api/organisations', {
    kind: 'enterprise',
    districtId: tianhe.id,
    name: '审计攻击测试企业',
    creditCode: '91440106MA5CXK0T1K',
  });
  expect(created.statusCode).toBe(201);
  for (let i = 1; i < writes; i++) {
    const res = await admin.request('PATCH', `/api/organisations/${created.json().id}`, { version: i, name: `审计攻击测试企业${i}` });
    expect(res.statusCode).toBe(200);
  }
  return { ctx, admin };
}

function anchorLines(dir: string): Array<{ reason: string; seq: number }> {
  return readdirSync(dir).flatMap((name) =>
    readFileSync(join(dir, name), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)),
  );
}

async function headSeq(ctx: TestContext): Promise<number> {
  return (await ctx.database.pool.query<{ n: number }>('SELECT max(seq)::int AS n FROM audit_log')).rows[0]?.n ?? 0;
}

// Issue #11 item 1: the attacks a database superuser can make on the audit log, each reported with its own code (ADR 0013).
describe('audit log under attack by a database superuser', () => {
  let ctx: TestContext | undefined;
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
  });

  it('verifies an untouched log: the template entries as plain SM3, the rest signed with the key, the start checkpoint', async () => {
    const app = await appWithHistory(3);
    ctx = app.ctx;
    const result = (await app.admin.request('GET', '/api/audit/verify')).json();
    expect(result).toMatchObject({ ok: true, findings: [], firstBrokenSeq: null, reason: null, head: { seq: await headSeq(ctx) } });
    expect(result.unkeyedUntil).toBeGreaterThan(3); // reference data, written before the key existed
    expect(result.keys).toHaveLength(1);
    expect(result.anchors.count).toBeGreaterThanOrEqual(1);
    const keyed = await ctx.database.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE key_id = $1', [result.keys[0].id]);
    expect(keyed.rows[0].n).toBe(result.head.seq - result.unkeyedUntil);
    expect(keyed.rows[0].n).toBeGreaterThanOrEqual(3);
  });

  it('reports truncation when the last entries are deleted after a checkpoint recorded them', async () => {
    const app = await appWithHistory(4);
    ctx = app.ctx;
    const checkpoint = await checkpointNow(ctx);
    const anchored = checkpoint.seq;
    await asSuperuser(ctx, async (client) => {
      await client.query('DELETE FROM audit_log WHERE seq > $1', [anchored - 3]);
    });

    const result = (await app.admin.request('GET', '/api/audit/verify')).json();
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'truncated', seq: anchored - 2, lastSeq: anchored, anchorAt: checkpoint.at }),
    ]);
    expect(result.findings[0].message).toMatch(
      new RegExp(`entries ${anchored - 2}–${anchored} removed from the end: the log ends at entry ${anchored - 3}, but the checkpoint of`),
    );

    const cli = await run('npx', ['tsx', 'src/cli.ts', 'audit:verify'], {
      cwd: SERVER_DIR,
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl, DATA_DIR: ctx.config.dataDir },
    }).catch((e) => e);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`[truncated] entries ${anchored - 2}–${anchored} removed from the end`);
  }, 90_000); // one run of the CLI (tsx start-up) on a shared machine

  it('reports re-chaining when an entry is edited and every later hash recomputed without the key', async () => {
    const app = await appWithHistory(6);
    ctx = app.ctx;
    const checkpoint = await checkpointNow(ctx);
    const target = checkpoint.seq - 4;
    // As ADR 0001 published the algorithm: plain SM3, and the key id dropped so the entries look old.
    await rewriteHistory(ctx, target, (after) => ({ ...(after as object), name: '篡改' }), 'sm3-unkeyed');

    const result = await verifyAsCli(ctx);
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'rechained', seq: target, lastSeq: checkpoint.seq, anchorAt: null }),
      expect.objectContaining({ code: 'rechained', seq: checkpoint.seq, anchorAt: checkpoint.at }),
    ]);
    expect(result.findings[0]?.message).toContain('unkeyed hash where the audit key applies');
    expect(result.findings[1]?.message).toContain('history rewritten');
  });

  it('reports re-chaining when the key id is kept: the HMACs no longer verify', async () => {
    const app = await appWithHistory(4);
    ctx = app.ctx;
    const head = await headSeq(ctx);
    await rewriteHistory(ctx, head - 2, (after) => ({ ...(after as object), name: '篡改' }), 'sm3-keep-key-id');

    const result = (await app.admin.request('GET', '/api/audit/verify')).json();
    expect(result.findings).toEqual([expect.objectContaining({ code: 'rechained', seq: head - 2, lastSeq: head })]);
    expect(result.findings[0].message).toContain('hash does not verify with the audit key');
  });

  it('with the key stolen as well, still reports the rewritten history through the checkpoints', async () => {
    const app = await appWithHistory(4);
    ctx = app.ctx;
    const checkpoint = await checkpointNow(ctx);
    await rewriteHistory(ctx, checkpoint.seq - 2, (after) => ({ ...(after as object), name: '篡改' }), 'stolen-key');

    const result = await verifyAsCli(ctx);
    expect(result.findings).toEqual([expect.objectContaining({ code: 'rechained', seq: checkpoint.seq, anchorAt: checkpoint.at })]);
  });

  it('reports a deleted middle entry as a gap, with its own code', async () => {
    const app = await appWithHistory(4);
    ctx = app.ctx;
    const head = await headSeq(ctx);
    await asSuperuser(ctx, async (client) => {
      await client.query('DELETE FROM audit_log WHERE seq = $1', [head - 1]);
    });
    const result = await verifyAsCli(ctx);
    expect(result.findings).toEqual([expect.objectContaining({ code: 'gap', seq: head - 1, lastSeq: null })]);
  });

  it('keeps the checkpoints as signed JSON lines in DATA_DIR/audit-anchors, written at start and at shutdown', async () => {
    const app = await appWithHistory(2);
    ctx = app.ctx;
    expect(ctx.config.auditAnchorDir).toBe(join(ctx.config.dataDir, 'audit-anchors'));
    expect(anchorLines(ctx.config.auditAnchorDir).map((c) => c.reason)).toEqual(['start']);

    // An anchor folder of its own survives the test app's clean-up, so the shutdown checkpoint can be read.
    const kept = mkdtempSync(join(tmpdir(), 'suilian-anchors-'));
    try {
      const other = await createTestApp({ env: { AUDIT_ANCHOR_DIR: kept } });
      const head = await headSeq(other);
      await other.close();
      const lines = anchorLines(kept);
      expect(lines.map((c) => c.reason)).toEqual(['start', 'shutdown']);
      expect(lines[1]).toMatchObject({
        v: 1,
        seq: head,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        sig: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    } finally {
      rmSync(kept, { recursive: true, force: true });
    }
  });
});
