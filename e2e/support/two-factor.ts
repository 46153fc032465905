// The second factor in end-to-end journeys (issue #11 item 6): demo accounts whose role must have
// one were enrolled when the demo data was loaded, and demo-accounts.txt carries their otpauth URI;
// accounts a journey creates enrol on their first API login here. Codes come from the secret, as an
// authenticator app would compute them.

import { Secret, TOTP } from 'otpauth';
import type { APIRequestContext } from 'playwright-core';
import { expect, inject } from 'vitest';
// The provided context's types (baseURL, accounts) are declared by the global setup.
import type {} from '../global-setup';

const enrolled = new Map<string, string>();

/** The base32 secret of an otpauth:// URI. */
export function secretOfUri(otpauthUri: string): string {
  return new URL(otpauthUri).searchParams.get('secret') ?? '';
}

/** The demo accounts the e2e global setup provides; none outside Vitest (the benchmarks use these helpers too). */
function providedAccounts() {
  try {
    return inject('accounts');
  } catch {
    return [];
  }
}

/** The TOTP secret of an account: a demo account's from demo-accounts.txt, or one enrolled by `completeSecondFactor`. */
export function totpSecretFor(username: string): string | undefined {
  const known = enrolled.get(username);
  if (known) return known;
  const uri = providedAccounts().find((a) => a.username === username)?.otpauthUri;
  return uri ? secretOfUri(uri) : undefined;
}

/** The six-digit code of a secret now. */
export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });
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
 * role requires a second factor it does not have yet (remembering the secret for its next logins).
 */
export async function completeSecondFactor(api: APIRequestContext, username: string, me: LoginAnswer): Promise<void> {
  const headers = { 'X-CSRF-Token': me.csrfToken };
  if (me.secondFactorPending) {
    const secret = totpSecretFor(username);
    expect(secret, `TOTP secret of ${username}`).toBeTruthy();
    const res = await api.post('/api/auth/second-factor', { headers, data: { code: totpCode(secret ?? '') } });
    expect(res.status(), `second factor of ${username}`).toBe(200);
  } else if (me.twoFactorRequired && !me.twoFactorEnabled && !me.mustChangePassword) {
    const started = await api.post('/api/auth/two-factor/enrolment', { headers });
    expect(started.status(), `enrolment of ${username}`).toBe(200);
    const { secret } = (await started.json()) as { secret: string };
    const confirmed = await api.post('/api/auth/two-factor/enrolment/confirm', { headers, data: { code: totpCode(secret) } });
    expect(confirmed.status(), `enrolment of ${username} confirmed`).toBe(200);
    enrolled.set(username, secret);
  }
}
