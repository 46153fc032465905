import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, type Role, SESSION_COOKIE } from '@suilian/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { type Config, ConfigSchema, toConfig } from '../src/config.js';
import { connectDatabase, type Database } from '../src/db/client.js';
import { hashPassword } from '../src/modules/accounts/password.js';
import { TOTP_WINDOW_STEPS, totpCodeOfStep, totpStepAt } from '../src/modules/accounts/two-factor/totp.js';
import { createUserRepo } from '../src/modules/accounts/user.repo.js';
import { createOrganisationRepo } from '../src/modules/organisations/organisation.repo.js';
import { type Clock, systemClock } from '../src/platform/clock.js';
import { withDatabase } from './global-setup.js';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  databaseUrl: string;
  config: Config;
  /** The app's clock: TOTP codes are computed for its time. */
  clock: Clock;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, and the app built on it. */
export async function createTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestContext> {
  const adminUrl = inject('adminUrl');
  const template = inject('templateDatabase');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, name);
  const database = connectDatabase(databaseUrl, { max: 4 });
  const dataDir = mkdtempSync(join(tmpdir(), 'suilian-test-data-'));
  const config = toConfig(ConfigSchema.parse({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, ...options.env }));
  const app = await buildApp({ config, database, clock: options.clock ?? systemClock, webDistDir: '/nonexistent' });
  await app.ready();
  return {
    app,
    database,
    databaseUrl,
    config,
    clock: options.clock ?? systemClock,
    async close() {
      await app.close();
      await database.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const TEST_PASSWORD = 'Correct-Horse-9';

/** Inserts an account directly (no audit) for test set-up; the password is TEST_PASSWORD. */
export async function insertUser(
  ctx: TestContext,
  username: string,
  role: Role,
  orgId: string,
  extra: { mustChangePassword?: boolean } = {},
) {
  const now = new Date();
  return createUserRepo(ctx.database.db).insert({
    username,
    displayName: username,
    role,
    orgId,
    passwordHash: await hashPassword(TEST_PASSWORD),
    mustChangePassword: extra.mustChangePassword ?? false,
    createdAt: now,
    updatedAt: now,
  });
}

/** A bank organisation under the city, as reference data seeds them (产融合作). */
export async function insertBank(ctx: TestContext, name: string) {
  const city = await orgByDivision(ctx, '440100');
  const now = new Date();
  return createOrganisationRepo(ctx.database.db).insert({
    kind: 'bank',
    parentId: city.id,
    districtId: null,
    name,
    createdAt: now,
    updatedAt: now,
  });
}

export async function orgByDivision(ctx: TestContext, code: string) {
  const org = await createOrganisationRepo(ctx.database.db).findByDivisionCode(code);
  if (!org) throw new Error(`no organisation ${code}`);
  return org;
}

/** A logged-in browser: sends the session cookie and the CSRF header on every request. */
export interface Session {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** The second factor of an account the helpers know: its TOTP secret and the recovery codes not used yet. */
interface KnownSecondFactor {
  secret: string;
  recoveryCodes: string[];
}

/** Second factors of the accounts the helpers enrolled, per database (the same account on two instances shares one). */
const secondFactors = new Map<string, Map<string, KnownSecondFactor>>();

/** The TOTP secret `login` enrolled for an account of this test database, if any. */
export function totpSecretOf(ctx: Pick<TestContext, 'databaseUrl'>, username: string): string | undefined {
  return secondFactors.get(ctx.databaseUrl)?.get(username)?.secret;
}

/** Remembers an account's TOTP secret (and unused recovery codes) so `login` can answer its second factor. */
export function rememberTotpSecret(
  ctx: Pick<TestContext, 'databaseUrl'>,
  username: string,
  secret: string,
  recoveryCodes: string[] = [],
): void {
  const known = secondFactors.get(ctx.databaseUrl) ?? new Map<string, KnownSecondFactor>();
  known.set(username, { secret, recoveryCodes: [...recoveryCodes] });
  secondFactors.set(ctx.databaseUrl, known);
}

/**
 * A TOTP code the server will take now (issue #11, replay refused): the earliest time step after the
 * account's last accepted one, not before the clock's current step (a code of the previous step
 * could expire between here and the server), and within the verification window. Null when every
 * step of the window is used up — several logins within one 30-second step — and a recovery code
 * must answer instead. Only reads the database; never depends on how long the test takes.
 */
export async function unusedTotpCode(ctx: TestContext, username: string, secret: string): Promise<string | null> {
  const row = await ctx.database.pool.query('SELECT totp_last_step FROM app_user WHERE lower(username) = lower($1)', [username]);
  const last = row.rows[0]?.totp_last_step as number | null | undefined;
  const current = totpStepAt(ctx.clock.now().getTime());
  const step = Math.max(current, last == null ? current : last + 1);
  return step <= current + TOTP_WINDOW_STEPS ? totpCodeOfStep(secret, step) : null;
}

/** Keeps a few recovery codes in hand: after using one, fresh codes are fetched with the password. */
const RECOVERY_CODES_KEPT = 3;

/** Answers of one account run one after the other: two parallel logins must not pick the same step. */
const answering = new Map<string, Promise<unknown>>();

function answerSecondFactor(ctx: TestContext, session: Session, username: string, password: string): Promise<void> {
  const key = `${ctx.databaseUrl} ${username}`;
  const turn = (answering.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => answerNow(ctx, session, username, password));
  answering.set(key, turn);
  return turn;
}

async function answerNow(ctx: TestContext, session: Session, username: string, password: string): Promise<void> {
  const known = secondFactors.get(ctx.databaseUrl)?.get(username);
  if (!known) throw new Error(`login ${username}: a second factor is enrolled but its secret is unknown to the test`);
  const totp = await unusedTotpCode(ctx, username, known.secret);
  const code = totp ?? known.recoveryCodes.shift();
  if (!code) throw new Error(`login ${username}: every code of this time step is used and no recovery code is known`);
  const res = await session.request('POST', '/api/auth/second-factor', { code });
  if (res.statusCode !== 200) throw new Error(`login ${username}: second factor refused: ${res.statusCode} ${res.body}`);
  if (totp === null && known.recoveryCodes.length < RECOVERY_CODES_KEPT) {
    const fresh = await session.request('POST', '/api/auth/two-factor/recovery-codes', { password });
    if (fresh.statusCode !== 200) throw new Error(`login ${username}: recovery codes not renewed: ${fresh.statusCode} ${fresh.body}`);
    known.recoveryCodes = fresh.json().recoveryCodes as string[];
  }
}

/** A session on an existing cookie. */
export function sessionOf(app: FastifyInstance, cookie: string, csrf: string): Session {
  return {
    cookie,
    csrf,
    request: (method, url, body) =>
      app.inject({
        method: method as 'GET',
        url,
        cookies: { [SESSION_COOKIE]: cookie },
        headers: { [CSRF_HEADER]: csrf },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** Only the password: the session may still wait for the second factor or the enrolment. */
export async function loginWithPassword(ctx: TestContext, username: string, password = TEST_PASSWORD, app = ctx.app) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const me = res.json() as {
    csrfToken: string;
    mustChangePassword: boolean;
    secondFactorPending: boolean;
    twoFactorRequired: boolean;
    twoFactorEnabled: boolean;
  };
  return { session: sessionOf(app, cookie.value, me.csrfToken), me };
}

/**
 * Logs in like a person would, second factor included (issue #11 item 6): an account that must have
 * one and has none is enrolled on the spot (the secret is remembered per database), an enrolled one
 * answers the code of its remembered secret at the app's clock. Accounts that must still change
 * their one-time password stop before enrolment, as the server allows nothing else then.
 */
export async function login(ctx: TestContext, username: string, password = TEST_PASSWORD, app = ctx.app): Promise<Session> {
  const { session, me } = await loginWithPassword(ctx, username, password, app);
  if (me.secondFactorPending) {
    await answerSecondFactor(ctx, session, username, password);
  } else if (me.twoFactorRequired && !me.twoFactorEnabled && !me.mustChangePassword) {
    const started = await session.request('POST', '/api/auth/two-factor/enrolment');
    if (started.statusCode !== 200) throw new Error(`login ${username}: enrolment refused: ${started.statusCode} ${started.body}`);
    const secret = started.json().secret as string;
    const code = await unusedTotpCode(ctx, username, secret);
    const confirmed = await session.request('POST', '/api/auth/two-factor/enrolment/confirm', { code });
    if (confirmed.statusCode !== 200)
      throw new Error(`login ${username}: enrolment not confirmed: ${confirmed.statusCode} ${confirmed.body}`);
    rememberTotpSecret(ctx, username, secret, confirmed.json().recoveryCodes as string[]);
  }
  return session;
}

/** Creates an enterprise directly through the repository (valid credit code supplied by the caller). */
export async function insertEnterprise(
  ctx: TestContext,
  districtId: string,
  name: string,
  creditCode: string,
  kind: 'enterprise' | 'provider' = 'enterprise',
) {
  const now = new Date();
  return createOrganisationRepo(ctx.database.db).insert({
    kind,
    parentId: districtId,
    districtId,
    name,
    creditCode,
    providerType: kind === 'provider' ? 'operator' : null,
    createdAt: now,
    updatedAt: now,
  });
}

/** A multipart/form-data body with one file part named `file`. */
export function multipartFile(name: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----suilian${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
