import { ALL_ENDPOINTS, API, accessAllows, type Endpoint, permissionsOf, ROLE_DEFINITIONS, ROLES, type Role } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, login, orgByDivision, type Session, type TestContext } from './harness.js';
import { createRoleWorld } from './role-world.js';

/**
 * The authorization matrix generated from the endpoint catalogue (issue #10 item 3, ADR 0011):
 * every endpoint × every role × anonymous has an expectation derived from its declared access.
 * A role without the access is refused with 403 naming the permission, whatever it sends, and
 * nothing is written; a role with it is never refused for that permission; anonymous callers get
 * 401 except on public endpoints. Scope (which records) is tested per domain.
 */

const PARAM_CANDIDATES = ['00000000-0000-4000-8000-000000000000', '2026-01', '2026Q1', '88.118', 'standards', '1', 'x'];

/** A value each path parameter accepts, so the request reaches the access check and beyond. */
function urlOf(endpoint: Endpoint): string {
  const shape = endpoint.params instanceof z.ZodObject ? (endpoint.params.shape as Record<string, z.ZodType>) : {};
  return endpoint.path.replace(/:([A-Za-z0-9_]+)|\*$/g, (match, name: string | undefined) => {
    if (match === '*') return '88.118.0/MATRIX';
    const schema = shape[name ?? ''];
    const value = PARAM_CANDIDATES.find((candidate) => schema?.safeParse(candidate).success) ?? 'x';
    return encodeURIComponent(value);
  });
}

/**
 * The sweeps send a request per endpoint × role: their time grows with the catalogue and with the
 * machine's load, which is not what they test (30 s ran out on a shared 2-core machine).
 */
const SWEEP_TIMEOUT = 300_000;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function send(session: Session | null, ctx: TestContext, endpoint: Endpoint) {
  const body = WRITES.has(endpoint.method) && endpoint.method !== 'DELETE' ? {} : undefined;
  if (session) return session.request(endpoint.method, urlOf(endpoint), body);
  return ctx.app.inject({ method: endpoint.method, url: urlOf(endpoint), ...(body ? { payload: body } : {}) });
}

describe('authorization matrix generated from the endpoint catalogue', () => {
  let ctx: TestContext;
  const sessions = {} as Record<Role, Session>;
  const usernames = {} as Record<Role, string>;

  beforeAll(async () => {
    // The sweep logs in again after each endpoint that ends a session: more than the default 20 a minute.
    ctx = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    const world = await createRoleWorld(ctx, { name: '矩阵', user: 'matrix' });
    Object.assign(sessions, world.sessions);
    Object.assign(usernames, world.usernames);
  });
  afterAll(() => ctx.close());

  it('serves every endpoint of the catalogue', () => {
    const missing = ALL_ENDPOINTS.filter((e) => !ctx.app.hasRoute({ method: e.method, url: e.path }));
    expect(missing.map((e) => `${e.name}: ${e.method} ${e.path}`)).toEqual([]);
  });

  it(
    'refuses every role without an endpoint’s access with 403 naming it, and writes nothing',
    async () => {
      const auditBefore = await ctx.database.pool.query('SELECT count(*)::int AS n FROM audit_log');
      const wrong: string[] = [];
      for (const endpoint of ALL_ENDPOINTS) {
        for (const role of ROLES) {
          if (accessAllows(endpoint.access, ROLE_DEFINITIONS[role].permissions)) continue;
          const res = await send(sessions[role], ctx, endpoint);
          const error = res.statusCode === 403 ? res.json().error : null;
          if (error?.code !== 'FORBIDDEN' || JSON.stringify(error.details?.permissions) !== JSON.stringify(permissionsOf(endpoint.access)))
            wrong.push(`${role} ${endpoint.name}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      expect(wrong).toEqual([]);
      const auditAfter = await ctx.database.pool.query('SELECT count(*)::int AS n FROM audit_log');
      expect(auditAfter.rows[0].n).toBe(auditBefore.rows[0].n);
    },
    SWEEP_TIMEOUT,
  );

  it(
    'never refuses a role that holds the access for lack of it, and never answers 5xx',
    async () => {
      const wrong: string[] = [];
      for (const endpoint of ALL_ENDPOINTS) {
        for (const role of ROLES) {
          if (!accessAllows(endpoint.access, ROLE_DEFINITIONS[role].permissions)) continue;
          const res = await send(sessions[role], ctx, endpoint);
          const error = res.statusCode === 403 ? res.json().error : null;
          const refusedForAccess =
            error?.code === 'FORBIDDEN' && JSON.stringify(error.details?.permissions) === JSON.stringify(permissionsOf(endpoint.access));
          if (refusedForAccess || res.statusCode === 401 || res.statusCode >= 500)
            wrong.push(`${role} ${endpoint.name}: ${res.statusCode} ${res.body.slice(0, 160)}`);
          // Endpoints that end the session (logout, password change) must not spoil the next request.
          if (/logout|password/i.test(endpoint.name)) sessions[role] = await login(ctx, usernames[role]);
        }
      }
      expect(wrong).toEqual([]);
    },
    SWEEP_TIMEOUT,
  );

  // Writes a role may reach by access but a rule forbids (issue #11 item 5): 403 with the rule's
  // reason code, and nothing written. Each names a catalogue endpoint, so a renamed route fails here.
  it('refuses the writes a rule forbids beyond access with 403 and the rule’s reason (#11 item 5)', async () => {
    const huangpu = await orgByDivision(ctx, '440112');
    const ruled: Array<{ endpoint: Endpoint; role: Role; body?: unknown; reason: string }> = [
      { endpoint: API.dispatchMailOutbox, role: 'auditor', reason: 'notification.outbox_admin_only' },
      // District officers manage accounts (user:write) but only city administrators change roles.
      {
        endpoint: API.changeUserRole,
        role: 'district_officer',
        body: { role: 'enterprise_user', orgId: huangpu.id, version: 1 },
        reason: 'user.role_change_city_admin_only',
      },
      // The role world's enterprise is in 天河: it cannot declare a project in 黄埔.
      {
        endpoint: API.createProject,
        role: 'enterprise_user',
        body: { title: '跨区项目', districtId: huangpu.id },
        reason: 'project.district_of_enterprise',
      },
    ];
    const auditBefore = await ctx.database.pool.query('SELECT count(*)::int AS n FROM audit_log');
    const wrong: string[] = [];
    for (const { endpoint, role, body, reason } of ruled) {
      expect(ALL_ENDPOINTS).toContain(endpoint);
      expect(accessAllows(endpoint.access, ROLE_DEFINITIONS[role].permissions), `${role} holds ${endpoint.name}'s access`).toBe(true);
      const res = await sessions[role].request(endpoint.method, urlOf(endpoint), body);
      const error = res.statusCode === 403 ? res.json().error : null;
      if (error?.code !== 'FORBIDDEN' || error.details?.reason?.code !== reason)
        wrong.push(`${role} ${endpoint.name}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    const auditAfter = await ctx.database.pool.query('SELECT count(*)::int AS n FROM audit_log');
    expect(auditAfter.rows[0].n).toBe(auditBefore.rows[0].n);
  });

  it('answers 401 to anonymous callers except on public endpoints, which never answer 5xx', async () => {
    const wrong: string[] = [];
    for (const endpoint of ALL_ENDPOINTS) {
      const res = await send(null, ctx, endpoint);
      const ok = endpoint.access === 'public' ? res.statusCode !== 401 && res.statusCode < 500 : res.statusCode === 401;
      if (!ok) wrong.push(`${endpoint.name}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });
});
