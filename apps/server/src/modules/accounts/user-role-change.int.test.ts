import { API, ROLE_DEFINITIONS, ROLES, type Role } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { createRoleWorld, type RoleWorld } from '../../../test/role-world.js';
import { systemActor } from '../../platform/actor.js';
import { systemClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { OrganisationService } from '../organisations/index.js';
import { createOrganisationRepo } from '../organisations/organisation.repo.js';
import { createSessionCache } from './session-cache.js';
import { createUserService } from './user.service.js';

/**
 * Changing an account's role and organisation (issue #11 item 6): city administrators only, never
 * their own, never the last active city administrator; audited, the account alone is told, and its
 * sessions end. Cross-instance revocation is in session-revocation.int.test.ts.
 */
describe('changeUserRole (#11 item 6)', () => {
  let ctx: TestContext;
  let world: RoleWorld;
  let cityId: string;
  let districtId: string;

  const roleUrl = (id: string) => API.changeUserRole.path.replace(':id', id);
  const userRow = async (username: string) =>
    (await ctx.database.pool.query('SELECT id, role, org_id, version FROM app_user WHERE username = $1', [username])).rows[0] as {
      id: string;
      role: Role;
      org_id: string;
      version: number;
    };
  const count = async (sql: string, params: unknown[] = []) => (await ctx.database.pool.query(sql, params)).rows[0].n as number;

  beforeAll(async () => {
    ctx = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    world = await createRoleWorld(ctx, { name: '角色变更', user: 'rc' });
    cityId = (await orgByDivision(ctx, '440100')).id;
    districtId = (await orgByDivision(ctx, '440106')).id;
    await insertUser(ctx, 'rc.target', 'city_analyst', cityId);
  });
  afterAll(() => ctx.close());

  it('refuses every role but the city administrator, role by role, and changes nothing', async () => {
    const target = await userRow('rc.target');
    const body = { role: 'auditor', orgId: cityId, version: target.version };
    const auditBefore = await count('SELECT count(*)::int AS n FROM audit_log');
    const answers: Record<string, string> = {};
    for (const role of ROLES.filter((r) => r !== 'city_admin')) {
      const res = await world.sessions[role].request('POST', roleUrl(target.id), body);
      const error = res.json().error;
      answers[role] = `${res.statusCode} ${error?.details?.reason?.code ?? error?.details?.permissions?.join(',')}`;
    }
    const expected = Object.fromEntries(
      ROLES.filter((r) => r !== 'city_admin').map((role) => [
        role,
        // Holding user:write (district officers) reaches the rule; the others lack the access.
        ROLE_DEFINITIONS[role].permissions.includes('user:write') ? '403 user.role_change_city_admin_only' : '403 user:write',
      ]),
    );
    expect(answers).toEqual(expected);
    expect(await userRow('rc.target')).toEqual(target);
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(auditBefore);
  });

  it('lets a city administrator move an account to another role and organisation: audited, told, signed out', async () => {
    const admin = world.sessions.city_admin;
    const target = await userRow('rc.target');
    const targetSession = await login(ctx, 'rc.target');
    expect((await targetSession.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const notificationsBefore = await count('SELECT count(*)::int AS n FROM notification');

    const res = await admin.request('POST', roleUrl(target.id), { role: 'district_officer', orgId: districtId, version: target.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'district_officer', orgId: districtId, version: target.version + 1 });

    // The session of the old role is gone; the next login works in the new one.
    expect((await targetSession.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await login(ctx, 'rc.target');
    expect((await again.request('GET', '/api/auth/me')).json()).toMatchObject({ role: 'district_officer' });

    const audit = await ctx.database.pool.query(
      "SELECT actor_name, before, after FROM audit_log WHERE action = 'user.role_change' AND entity_id = $1",
      [target.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_name: world.usernames.city_admin,
      before: { role: 'city_analyst', orgId: cityId },
      after: { role: 'district_officer', orgId: districtId },
    });

    // Told: the account itself, once; nobody else (not the actor, not the district's officers).
    const told = await ctx.database.pool.query('SELECT recipient_id, kind, title_zh FROM notification ORDER BY created_at DESC LIMIT 5');
    expect(await count('SELECT count(*)::int AS n FROM notification')).toBe(notificationsBefore + 1);
    expect(told.rows[0]).toMatchObject({ recipient_id: target.id, kind: 'account.role_changed', title_zh: '您的账号角色已变更' });
  });

  it('refuses its own role, an unchanged role, a wrong organisation kind and a stale version, each with its reason', async () => {
    const admin = world.sessions.city_admin;
    const self = await userRow(world.usernames.city_admin);
    const target = await userRow('rc.target');
    const cases: Array<[string, string, unknown]> = [
      ['own role', self.id, { role: 'auditor', orgId: cityId, version: self.version }],
      ['unchanged', target.id, { role: target.role, orgId: target.org_id, version: target.version }],
      ['wrong org kind', target.id, { role: 'city_analyst', orgId: districtId, version: target.version }],
      ['stale', target.id, { role: 'auditor', orgId: cityId, version: target.version - 1 }],
    ];
    const answers: Record<string, string> = {};
    for (const [name, id, body] of cases) {
      const res = await admin.request('POST', roleUrl(id), body);
      const error = res.json().error;
      answers[name] = `${res.statusCode} ${error.details?.reason?.code ?? error.details?.issues?.[0]?.rule ?? error.code}`;
    }
    expect(answers).toEqual({
      'own role': '409 user.role_change_self',
      unchanged: '409 user.role_unchanged',
      'wrong org kind': '422 role_org_kind',
      stale: '409 STALE_VERSION',
    });
    expect(await userRow('rc.target')).toEqual(target);
    expect(await userRow(world.usernames.city_admin)).toEqual(self);
  });

  describe('the last active city administrator', () => {
    let a: Session;
    let b: Session;

    beforeAll(async () => {
      await insertUser(ctx, 'rc.admin-a', 'city_admin', cityId);
      await insertUser(ctx, 'rc.admin-b', 'city_admin', cityId);
      a = await login(ctx, 'rc.admin-a');
      b = await login(ctx, 'rc.admin-b');
      // Only these two remain active city administrators in this database.
      await ctx.database.pool.query(
        "UPDATE app_user SET status = 'disabled' WHERE role = 'city_admin' AND username NOT IN ('rc.admin-a', 'rc.admin-b')",
      );
    });

    it('keeps one when two administrators demote each other at the same moment', async () => {
      const [rowA, rowB] = [await userRow('rc.admin-a'), await userRow('rc.admin-b')];
      const demote = (session: Session, row: typeof rowA) =>
        session.request('POST', roleUrl(row.id), { role: 'city_analyst', orgId: cityId, version: row.version });
      const answers = await Promise.all([demote(a, rowB), demote(b, rowA)]);
      // Whichever came second is refused (the last administrator, or its session already ended).
      expect(answers.map((r) => r.statusCode).filter((s) => s === 200)).toHaveLength(1);
      expect(await count("SELECT count(*)::int AS n FROM app_user WHERE role = 'city_admin' AND status = 'active'")).toBe(1);
    });

    it('is refused as user.last_city_admin, whoever asks (here the CLI’s system actor)', async () => {
      const last = (await ctx.database.pool.query("SELECT id, version FROM app_user WHERE role = 'city_admin' AND status = 'active'"))
        .rows[0] as { id: string; version: number };
      const organisations = createOrganisationRepo(ctx.database.db);
      const users = createUserService({
        db: ctx.database.db,
        clock: systemClock,
        audit: { append: async () => undefined as never },
        organisations: { findById: (id) => organisations.findById(id) as ReturnType<OrganisationService['findById']> },
        sessions: createSessionCache(),
        revocations: { notify: async () => undefined },
        notifications: { notify: async () => ({ recipientIds: [], mailsQueued: 0 }) },
      });
      const refused = await users
        .changeRole(systemActor('cli', cityId), last.id, { role: 'auditor', orgId: cityId, version: last.version })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).details).toMatchObject({ reason: { code: 'user.last_city_admin' } });
      expect(await count("SELECT count(*)::int AS n FROM app_user WHERE role = 'city_admin' AND status = 'active'")).toBe(1);
    });
  });
});
