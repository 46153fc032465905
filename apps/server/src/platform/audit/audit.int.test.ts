import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAsCli } from '../../../test/audit-tampering.js';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';

const run = promisify(execFile);

const SERVER_DIR = new URL('../../..', import.meta.url).pathname;

// Issue #2 item 4: every service write is audited in the same transaction; the SM3 chain detects tampering.
describe('audit log', () => {
  let ctx: TestContext;
  let admin: Session;
  let tianheId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    tianheId = (await orgByDivision(ctx, '440106')).id;
    await insertUser(ctx, 'audit.admin', 'city_admin', city.id);
    admin = await login(ctx, 'audit.admin');
  });
  afterAll(() => ctx.close());

  it('records actor, action, entity, before/after, request id and client address', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/organisations',
      cookies: { suilian_session: admin.cookie },
      headers: { 'x-csrf-token': admin.csrf, 'x-request-id': 'req-audit-1' },
      payload: { kind: 'enterprise', districtId: tianheId, name: '审计测试企业', creditCode: '91440106MA5CXK0T1K' },
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    await admin.request('PATCH', `/api/organisations/${org.id}`, { version: 1, name: '审计测试企业（更名）' });

    const res = await admin.request('GET', `/api/audit?entityType=organisation&entityId=${org.id}&sort=seq`);
    const entries = res.json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['organisation.create', 'organisation.update']);
    expect(entries[0]).toMatchObject({ actorName: 'audit.admin', requestId: 'req-audit-1', clientIp: '127.0.0.1', before: null });
    expect(entries[0].after.name).toBe('审计测试企业');
    expect(entries[1].before.name).toBe('审计测试企业');
    expect(entries[1].after.name).toBe('审计测试企业（更名）');
    expect(entries[1].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes nothing, not even an audit entry, when the change fails', async () => {
    const before = await ctx.database.pool.query('SELECT count(*)::int AS n FROM audit_log');
    const dup = await admin.request('POST', '/api/organisations', {
      kind: 'enterprise',
      districtId: tianheId,
      name: '重复',
      creditCode: '91440106MA5CXK0T1K',
    });
    expect(dup.statusCode).toBe(409);
    const after = await ctx.database.pool.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('never stores password hashes in the log', async () => {
    const cityId = (await orgByDivision(ctx, '440100')).id;
    await admin.request('POST', '/api/users', { username: 'audited.user', displayName: 'x', role: 'city_analyst', orgId: cityId });
    const rows = await ctx.database.pool.query('SELECT before::text, after::text FROM audit_log');
    for (const row of rows.rows) expect(`${row.before}${row.after}`).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it('refuses UPDATE and DELETE from the application connection', async () => {
    await expect(ctx.database.pool.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(ctx.database.pool.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, and the CLI reports the first broken link after a direct alteration', async () => {
    const ok = await admin.request('GET', '/api/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(ok.json().checked).toBeGreaterThan(3);

    const cliOk = await run('npx', ['tsx', 'src/cli.ts', 'audit:verify'], {
      cwd: SERVER_DIR,
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl, DATA_DIR: ctx.config.dataDir },
    });
    expect(cliOk.stdout).toMatch(/audit log intact: \d+ entries verified; entries 1–\d+ predate the audit key/);

    // Tamper as a superuser would: switch the guard off, rewrite history, switch it back on.
    const target = await ctx.database.pool.query("SELECT seq FROM audit_log WHERE action = 'organisation.update' LIMIT 1");
    const seq = target.rows[0].seq as number;
    await ctx.database.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await ctx.database.pool.query(`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"篡改"') WHERE seq = $1`, [seq]);
    await ctx.database.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');

    // The entry after it still verifies and links to the stored hash: an edit in place, a broken link.
    const broken = await admin.request('GET', '/api/audit/verify');
    expect(broken.json()).toMatchObject({ ok: false, firstBrokenSeq: Number(seq), findings: [{ code: 'broken_link', seq: Number(seq) }] });
    expect(broken.json().reason).toContain('content does not match its hash');
    const cli = await run('npx', ['tsx', 'src/cli.ts', 'audit:verify'], {
      cwd: SERVER_DIR,
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl, DATA_DIR: ctx.config.dataDir },
    }).catch((e) => e);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`audit log BROKEN at entry ${seq}`);
    expect(cli.stderr).toContain(`[broken_link] entry ${seq}: content does not match its hash`);
  }, 120_000); // two runs of the CLI (tsx start-up) on a shared machine

  it('detects a deleted entry in the middle of the chain', async () => {
    const other = await createTestApp();
    try {
      const max = await other.database.pool.query('SELECT max(seq)::int AS n FROM audit_log');
      expect(max.rows[0].n).toBeGreaterThan(3); // reference data load is audited
      await other.database.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await other.database.pool.query('DELETE FROM audit_log WHERE seq = 2');
      const result = await verifyAsCli(other);
      expect(result).toMatchObject({ ok: false, firstBrokenSeq: 2, findings: [{ code: 'gap', seq: 2, lastSeq: null }] });
      expect(result.reason).toBe('entry 2 missing (the sequence jumps to 3)');
    } finally {
      await other.close();
    }
  });
});
