import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAsCli } from '../../../test/audit-tampering.js';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { systemActor } from '../actor.js';
import { systemClock } from '../clock.js';
import { createAnchorSinks } from './anchor-sinks.js';
import { AuditKeyMissingError, openAuditKeys } from './audit-keys.js';
import { rotateAuditKey } from './key-rotation.js';
import { readKeyring } from './keyring.js';

const quiet = { warn: () => undefined, error: () => undefined };

// ADR 0013: the audit key file, created on first start, rotated from a checkpoint, never silently replaced.
describe('audit key file', () => {
  let ctx: TestContext;
  let admin: Session;
  let cityId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    cityId = (await orgByDivision(ctx, '440100')).id;
    await insertUser(ctx, 'key.admin', 'city_admin', cityId);
    admin = await login(ctx, 'key.admin');
  });
  afterAll(() => ctx.close());

  it('is created on first start as DATA_DIR/keys/audit.key, mode 0600 in a 0700 folder', () => {
    const file = ctx.config.auditKeyFile;
    expect(file).toBe(join(ctx.config.dataDir, 'keys', 'audit.key'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(ctx.config.dataDir, 'keys')).mode & 0o777).toBe(0o700);
    expect(readKeyring(file)?.entries).toHaveLength(1);
  });

  it('rotates: the head checkpointed with the old key, later entries signed with the new one, all still verifiable', async () => {
    const before = readKeyring(ctx.config.auditKeyFile)?.latest();
    const rotation = await rotateAuditKey({
      db: ctx.database.db,
      clock: systemClock,
      file: ctx.config.auditKeyFile,
      sinks: createAnchorSinks({ dir: ctx.config.auditAnchorDir }, quiet),
      actor: systemActor('cli', cityId),
    });
    expect(rotation.previousKeyId).toBe(before?.id);
    expect(rotation.checkpoints.map((c) => [c.keyId, c.reason])).toEqual([
      [before?.id, 'rotate'],
      [rotation.key.id, 'rotate'],
    ]);
    expect(rotation.checkpoints[0]?.seq).toBe(rotation.key.afterSeq);

    // The running server picks the new key up at its next entry, without a restart.
    const changed = await admin.request('POST', '/api/users', {
      username: 'after.rotation',
      displayName: 'x',
      role: 'auditor',
      orgId: cityId,
    });
    expect(changed.statusCode).toBe(201);
    const rows = await ctx.database.pool.query('SELECT action, key_id FROM audit_log WHERE seq > $1 ORDER BY seq', [rotation.key.afterSeq]);
    expect(rows.rows).toEqual([
      { action: 'audit.key.rotate', key_id: rotation.key.id },
      { action: 'user.create', key_id: rotation.key.id },
    ]);

    const result = (await admin.request('GET', '/api/audit/verify')).json();
    expect(result).toMatchObject({ ok: true, findings: [] });
    expect(result.keys.map((k: { id: string }) => k.id)).toEqual([before?.id, rotation.key.id]);
  });

  it('refuses to start a new key silently when the key file is gone but the log is signed', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'suilian-lost-key-'));
    try {
      const lost = join(elsewhere, 'audit.key');
      await expect(openAuditKeys({ file: lost, db: ctx.database.db, clock: systemClock })).rejects.toBeInstanceOf(AuditKeyMissingError);
      await expect(
        rotateAuditKey({
          db: ctx.database.db,
          clock: systemClock,
          file: lost,
          sinks: createAnchorSinks({ dir: join(elsewhere, 'anchors') }, quiet),
          actor: systemActor('cli', cityId),
        }),
      ).rejects.toThrow(/audit:rotate-key --replace-lost-key/);
      // Checked without the key, the signed entries cannot be vouched for.
      const withoutKey = await verifyAsCli({ ...ctx, config: { ...ctx.config, auditKeyFile: lost } });
      expect(withoutKey.findings).toContainEqual(
        expect.objectContaining({ code: 'key_mismatch', keyId: readKeyring(ctx.config.auditKeyFile)?.latest()?.id }),
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
