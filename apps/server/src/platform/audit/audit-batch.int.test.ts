import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { systemActor } from '../actor.js';
import { systemClock } from '../clock.js';
import { createAuditService } from './audit.service.js';
import { openAuditKeys } from './audit-keys.js';

// Imports append one entry per created record in one go; the chain must stay intact.
describe('audit appendMany', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    await insertUser(ctx, 'ab.admin', 'city_admin', city.id);
    admin = await login(ctx, 'ab.admin');
  });
  afterAll(() => ctx.close());

  it('chains a batch of entries after single ones, in order, verifiably', async () => {
    const keys = await openAuditKeys({ file: ctx.config.auditKeyFile, db: ctx.database.db, clock: systemClock });
    const audit = createAuditService({ db: ctx.database.db, clock: systemClock, keys });
    const city = await orgByDivision(ctx, '440100');
    const actor = systemActor('system', city.id);
    const records = Array.from({ length: 2500 }, (_, i) => ({
      action: 'test.batch',
      entityType: 'test',
      entityId: `e${i}`,
      after: { i, name: `记录${i}` },
    }));
    await ctx.database.db.transaction(async (tx) => {
      await audit.append(tx, actor, { action: 'test.single', entityType: 'test', entityId: 'before' });
      await audit.appendMany(tx, actor, records);
      await audit.append(tx, actor, { action: 'test.single', entityType: 'test', entityId: 'after' });
    });
    const rows = await ctx.database.pool.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_log WHERE entity_type = 'test' ORDER BY seq",
    );
    expect(rows.rows.map((r) => r.entity_id)).toEqual(['before', ...records.map((r) => r.entityId), 'after']);
    const verify = (await admin.request('GET', '/api/audit/verify')).json();
    expect(verify).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});
