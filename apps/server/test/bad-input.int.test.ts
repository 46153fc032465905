import { ALL_ENDPOINTS, accessAllows, type Endpoint, ROLE_DEFINITIONS, ROLES, type Role, SESSION_COOKIE } from '@suilian/contracts';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BadRequest, badRequests } from './bad-input/bad-requests.js';
import { createTestApp, login, type Session, type TestContext } from './harness.js';
import { createRoleWorld } from './role-world.js';

/**
 * "No input gives a 500" (issue #11 item 2), as a property: every endpoint of the catalogue, called
 * by every role and anonymously, with requests valid but for one generated bad part (NUL, lone
 * surrogates, huge strings, wrong types, extreme numbers and dates, nested junk, prototype keys,
 * broken JSON and multipart) answers below 500, with the error envelope on every 4xx, and a refused
 * request writes nothing to the audit log. Each endpoint that takes input gets RUNS runs shared by the
 * callers holding its access; callers without it are refused before their input is read, and
 * endpoints that declare no input only meet junk they ignore, so these get one run each. Seeded: a failure names
 * the seed, and `BAD_INPUT_SEED=<seed>` replays the same requests.
 */

const SEED = Number(process.env.BAD_INPUT_SEED ?? 20_261_107);
/** Runs per endpoint that takes input, shared by the callers that hold its access (at least one each). */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 8);

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];

/** Refused requests may still leave these: failed logins and codes are security events, audited by design. */
const AUDITED_REFUSALS = new Set(['auth.login_failed', 'auth.lock', 'auth.second_factor_failed', 'auth.second_factor_lock']);

/** Paths of a protocol that answers in its own shape (Handle.Net), with their CORS preflights. */
const PROTOCOL_PATHS = new Set(ALL_ENDPOINTS.filter((e) => e.responseKind === 'raw').map((e) => e.path));

/** Whether the endpoint reads anything from the request besides the caller. */
const takesInput = (e: Endpoint) => Boolean(e.params || e.query || e.body || e.upload || e.responseKind === 'raw');

function holdsAccess(caller: Caller, endpoint: Endpoint): boolean {
  if (caller === 'anonymous') return endpoint.access === 'public';
  return accessAllows(endpoint.access, ROLE_DEFINITIONS[caller].permissions);
}

/** What is wrong with an answer, or null. Handle.Net's paths answer errors in their protocol's shape. */
function judge(endpoint: Endpoint, res: LightMyRequestResponse, requestId: string): string | null {
  if (res.statusCode >= 500) return 'a 5xx answer';
  if (res.statusCode < 400) return null;
  let body: { error?: { code?: unknown; message?: unknown; requestId?: unknown }; responseCode?: unknown };
  try {
    body = res.json();
  } catch {
    return 'a 4xx without a JSON body';
  }
  if (PROTOCOL_PATHS.has(endpoint.path) && typeof body.responseCode === 'number') return null;
  const error = body.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.requestId !== requestId)
    return 'a 4xx without the error envelope';
  return null;
}

const sessionGone = (res: LightMyRequestResponse) => res.statusCode === 401 && res.body.includes('"UNAUTHENTICATED"');

describe('bad input on every endpoint (property-based)', () => {
  let ctx: TestContext;
  const sessions = {} as Record<Role, Session>;
  const usernames = {} as Record<Role, string>;

  beforeAll(async () => {
    ctx = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000' } });
    const world = await createRoleWorld(ctx, { name: '坏输入', user: 'bad' });
    Object.assign(sessions, world.sessions);
    Object.assign(usernames, world.usernames);
  });
  afterAll(() => ctx.close());

  let sent = 0;
  const statuses = new Map<string, number>();
  function send(caller: Caller, request: BadRequest, requestId: string) {
    const session = caller === 'anonymous' ? null : sessions[caller];
    sent++;
    return ctx.app.inject({
      method: request.method,
      url: request.url,
      headers: { ...request.headers, 'x-request-id': requestId, ...(session ? { 'x-csrf-token': session.csrf } : {}) },
      ...(session ? { cookies: { [SESSION_COOKIE]: session.cookie } } : {}),
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
  }

  it('answers no 5xx, the envelope on every 4xx, and writes nothing when it refuses', async () => {
    const started = Date.now();
    const auditStart = (await ctx.database.pool.query('SELECT coalesce(max(seq), 0) AS seq FROM audit_log')).rows[0].seq;
    const failures: string[] = [];
    const refused = new Map<string, string>();
    let combination = 0;
    for (const endpoint of ALL_ENDPOINTS) {
      const requests = badRequests(endpoint);
      const holders = CALLERS.filter((caller) => holdsAccess(caller, endpoint)).length;
      for (const caller of CALLERS) {
        const seed = SEED + combination++;
        const numRuns = holdsAccess(caller, endpoint) && takesInput(endpoint) ? Math.ceil(RUNS / holders) : 1;
        let last = '';
        const details = await fc.check(
          fc.asyncProperty(requests, async (request) => {
            const requestId = `bad-${combination}-${sent}`;
            const res = await send(caller, request, requestId);
            const problem = judge(endpoint, res, requestId);
            const statusClass = `${String(res.statusCode).charAt(0)}xx`;
            statuses.set(statusClass, (statuses.get(statusClass) ?? 0) + 1);
            last = `${res.statusCode} ${problem ?? ''} ${res.body.slice(0, 160)} — sent ${request.method} ${request.url.slice(0, 100)} with ${request.label}`;
            if (res.statusCode >= 400) refused.set(requestId, `${caller} ${endpoint.name}: ${res.statusCode} for ${request.label}`);
            // A request that ended the caller's session (logout, a password change) must not spoil the next one.
            if (caller !== 'anonymous' && (res.statusCode < 300 ? /logout|changePassword/.test(endpoint.name) : sessionGone(res)))
              sessions[caller] = await login(ctx, usernames[caller]);
            return problem === null;
          }),
          { seed, numRuns, endOnFailure: true },
        );
        if (details.failed) failures.push(`${caller} ${endpoint.name}: ${last} [seed ${SEED}, combination seed ${seed}]`);
      }
    }
    const written = await ctx.database.pool.query('SELECT request_id, action FROM audit_log WHERE seq > $1', [auditStart]);
    for (const row of written.rows as { request_id: string | null; action: string }[]) {
      const refusal = row.request_id ? refused.get(row.request_id) : undefined;
      if (refusal && !AUDITED_REFUSALS.has(row.action)) failures.push(`${refusal} yet audited ${row.action} [seed ${SEED}]`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const answers = [...statuses]
      .sort()
      .map(([status, n]) => `${n} ${status}`)
      .join(', ');
    console.info(
      `bad input: ${ALL_ENDPOINTS.length} endpoints × ${CALLERS.length} callers, ${sent} requests (${answers}) in ${seconds} s, seed ${SEED}`,
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
