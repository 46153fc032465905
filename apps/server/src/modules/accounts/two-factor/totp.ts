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

/** Whether `code` is the secret's code at `at`, give or take TOTP_WINDOW_STEPS time steps. */
export function verifyTotp(secretBase32: string, code: string, at: number): boolean {
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return false;
  return totpOf(secretBase32).validate({ token: code, timestamp: at, window: TOTP_WINDOW_STEPS }) !== null;
}

/** The `otpauth://totp/…` URI of a secret for an account, and the same as a QR code (PNG data URL). */
export async function enrolmentUri(secretBase32: string, account: string): Promise<{ otpauthUri: string; qrDataUrl: string }> {
  const otpauthUri = totpOf(secretBase32, account).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
  return { otpauthUri, qrDataUrl };
}
