// The second factor in end-to-end journeys (issue #11): demo accounts whose role must have one were
// enrolled when the demo data was loaded, and demo-accounts.txt carries their otpauth URI and
// recovery codes; accounts a journey creates enrol on their first API login here. Codes come from
// the secret, as an authenticator app would compute them. A code works once (RFC 6238 §5.2), and
// journeys log the same people in many times within one 30-second step, so every code handed out is
// noted in a ledger shared by the spec files: the next login takes the next unused step inside the
// server's window (now or the next step), and when both are used, a recovery code — renewed with
// the password when few are left. Nothing waits for the clock.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import type { APIRequestContext } from 'playwright-core';
import { expect, inject } from 'vitest';
// The provided context's types (baseURL, accounts, ledger) are declared by the global setup.
import type {} from '../global-setup';

const PERIOD_MS = 30_000;
/** The server accepts codes one step either side of its clock; a previous step's code could expire on the way. */
const STEPS_AHEAD = 1;
/** Recovery codes kept in hand before renewing them. */
const RECOVERY_CODES_KEPT = 3;

interface LedgerEntry {
  secret?: string;
  lastStep?: number;
  recoveryCodes?: string[];
  usedRecoveryCodes: string[];
}
type Ledger = Record<string, LedgerEntry>;

/** The base32 secret of an otpauth:// URI. */
export function secretOfUri(otpauthUri: string): string {
  return new URL(otpauthUri).searchParams.get('secret') ?? '';
}

/** Provided by the e2e global setup; absent outside Vitest (the benchmarks use these helpers too). */
function provided<K extends 'accounts' | 'secondFactorLedger'>(key: K) {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

const inMemory: Ledger = {};

function readLedger(): Ledger {
  const file = provided('secondFactorLedger');
  if (!file) return inMemory;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Ledger) : {};
}

/** Reads, changes and writes the ledger at once (spec files run one after the other, each synchronously here). */
function updateLedger<T>(username: string, change: (entry: LedgerEntry) => T): T {
  const ledger = readLedger();
  const entry = ledger[username] ?? { usedRecoveryCodes: [] };
  ledger[username] = entry;
  const result = change(entry);
  const file = provided('secondFactorLedger');
  if (file) writeFileSync(file, JSON.stringify(ledger));
  return result;
}

function demoAccount(username: string) {
  return provided('accounts')?.find((a) => a.username === username);
}

/** The TOTP secret of an account: one enrolled by a journey, or a demo account's from demo-accounts.txt. */
export function totpSecretFor(username: string): string | undefined {
  const known = readLedger()[username]?.secret;
  if (known) return known;
  const uri = demoAccount(username)?.otpauthUri;
  return uri ? secretOfUri(uri) : undefined;
}

/** Notes the secret (and recovery codes) of an account a journey enrolled. */
export function rememberSecondFactor(username: string, secret: string, recoveryCodes?: string[]): void {
  updateLedger(username, (entry) => {
    // A new secret starts a new sequence of steps; the same one keeps the steps already used.
    if (entry.secret !== secret) entry.lastStep = undefined;
    entry.secret = secret;
    if (recoveryCodes) rememberCodes(entry, recoveryCodes);
  });
}

function rememberCodes(entry: LedgerEntry, codes: string[]) {
  entry.recoveryCodes = codes;
  entry.usedRecoveryCodes = [];
}

/** The six-digit code of a secret at a time (for codes meant to be wrong: an old time). */
export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });
}

/** A code the server takes now, and whether it is a recovery code and how many of those are left. */
export interface FreshCode {
  code: string;
  recovery: boolean;
  recoveryCodesLeft: number;
}

/**
 * The next code the server has not seen for this account: the earliest unused time step from now
 * within the window, else an unused recovery code. Noted as used before it is sent.
 */
export function freshCode(username: string, secret: string): FreshCode {
  return updateLedger(username, (entry) => {
    const current = Math.floor(Date.now() / PERIOD_MS);
    const step = Math.max(current, entry.lastStep === undefined ? current : entry.lastStep + 1);
    const codes = entry.recoveryCodes ?? demoAccount(username)?.recoveryCodes ?? [];
    const unused = codes.filter((c) => !entry.usedRecoveryCodes.includes(c));
    if (step <= current + STEPS_AHEAD) {
      entry.lastStep = step;
      return { code: totpCode(secret, step * PERIOD_MS), recovery: false, recoveryCodesLeft: unused.length };
    }
    const code = unused[0];
    if (!code) throw new Error(`${username}: both codes of this time step are used and no recovery code is left`);
    entry.usedRecoveryCodes.push(code);
    return { code, recovery: true, recoveryCodesLeft: unused.length - 1 };
  });
}

/** Whether a login that used `answer` should renew the account's recovery codes now. */
export function needsNewRecoveryCodes(answer: FreshCode): boolean {
  return answer.recovery && answer.recoveryCodesLeft < RECOVERY_CODES_KEPT;
}

/** Renews the recovery codes of a logged-in account (its API client, CSRF header and password) and notes them. */
export async function renewRecoveryCodes(api: APIRequestContext, username: string, csrfToken: string, password: string) {
  const res = await api.post('/api/auth/two-factor/recovery-codes', { headers: { 'X-CSRF-Token': csrfToken }, data: { password } });
  expect(res.status(), `recovery codes of ${username} renewed`).toBe(200);
  const { recoveryCodes } = (await res.json()) as { recoveryCodes: string[] };
  updateLedger(username, (entry) => rememberCodes(entry, recoveryCodes));
}

interface LoginAnswer {
  csrfToken: string;
  mustChangePassword?: boolean;
  secondFactorPending?: boolean;
  twoFactorRequired?: boolean;
  twoFactorEnabled?: boolean;
}

/**
 * After an API login: answers the code when the session waits for it, or enrols an account whose
 * role requires a second factor it does not have yet (noting the secret for its next logins). With
 * the password, recovery codes running out are renewed.
 */
export async function completeSecondFactor(api: APIRequestContext, username: string, me: LoginAnswer, password?: string): Promise<void> {
  const headers = { 'X-CSRF-Token': me.csrfToken };
  if (me.secondFactorPending) {
    const secret = totpSecretFor(username);
    expect(secret, `TOTP secret of ${username}`).toBeTruthy();
    const answer = freshCode(username, secret ?? '');
    const res = await api.post('/api/auth/second-factor', { headers, data: { code: answer.code } });
    expect(res.status(), `second factor of ${username}`).toBe(200);
    if (password && needsNewRecoveryCodes(answer)) await renewRecoveryCodes(api, username, me.csrfToken, password);
  } else if (me.twoFactorRequired && !me.twoFactorEnabled && !me.mustChangePassword) {
    const started = await api.post('/api/auth/two-factor/enrolment', { headers });
    expect(started.status(), `enrolment of ${username}`).toBe(200);
    const { secret } = (await started.json()) as { secret: string };
    rememberSecondFactor(username, secret);
    const confirmed = await api.post('/api/auth/two-factor/enrolment/confirm', {
      headers,
      data: { code: freshCode(username, secret).code },
    });
    expect(confirmed.status(), `enrolment of ${username} confirmed`).toBe(200);
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
    updateLedger(username, (entry) => rememberCodes(entry, recoveryCodes));
  }
}
