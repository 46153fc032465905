import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '@suilian/contracts';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** The issuer shown in authenticator apps next to the account name. */
export const TOTP_ISSUER = '穗联平台';

/**
 * Codes one time step (30 s) either side of the server's clock are accepted: phones drift and
 * people type slowly (RFC 6238 §5.2 recommends at most one step of network delay).
 */
export const TOTP_WINDOW_STEPS = 1;

function totpOf(secretBase32: string, account = ''): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: account,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** A new random secret: 160 bits (RFC 4226's recommended length), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The code of `secret` at `at` (ms since the epoch): what an authenticator app shows then. */
export function totpCodeAt(secretBase32: string, at: number): string {
  return totpOf(secretBase32).generate({ timestamp: at });
}

/** The RFC 6238 time step (counter) at `at` (ms since the epoch). */
export function totpStepAt(at: number): number {
  return Math.floor(at / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step whose code `code` is, when it is the secret's code at `at` give or take
 * TOTP_WINDOW_STEPS steps; null when it matches none. The caller refuses a step already used.
 */
export function matchingTotpStep(secretBase32: string, code: string, at: number): number | null {
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: at, window: TOTP_WINDOW_STEPS });
  return delta === null ? null : totpStepAt(at) + delta;
}

/** Whether `code` is the secret's code at `at`, give or take TOTP_WINDOW_STEPS time steps (replays not considered). */
export function verifyTotp(secretBase32: string, code: string, at: number): boolean {
  return matchingTotpStep(secretBase32, code, at) !== null;
}

/** The code of a given time step (tests and helpers pick an unused step within the window). */
export function totpCodeOfStep(secretBase32: string, step: number): string {
  return totpCodeAt(secretBase32, step * TOTP_PERIOD_SECONDS * 1000);
}

/** The `otpauth://totp/…` URI of a secret for an account, and the same as a QR code (PNG data URL). */
export async function enrolmentUri(secretBase32: string, account: string): Promise<{ otpauthUri: string; qrDataUrl: string }> {
  const otpauthUri = totpOf(secretBase32, account).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
  return { otpauthUri, qrDataUrl };
}
