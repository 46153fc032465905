import { describe, expect, it } from 'vitest';
import { enrolmentUri, newTotpSecret, totpCodeAt, verifyTotp } from './totp.js';

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890" (base32 below), 8-digit codes; the
// 6-digit code is the last six digits of the same truncated value.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (#11 item 6)', () => {
  it('computes the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCodeAt(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCodeAt(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCodeAt(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
  });

  it('accepts the code of the current step and one step either side, nothing further', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000 + 10_000; // 10 s into a step
    expect(verifyTotp(secret, totpCodeAt(secret, now), now)).toBe(true);
    expect(verifyTotp(secret, totpCodeAt(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCodeAt(secret, now + 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCodeAt(secret, now - 60_000), now)).toBe(false);
    expect(verifyTotp(secret, totpCodeAt(secret, now + 60_000), now)).toBe(false);
  });

  it('refuses codes of another secret and anything that is not six digits', () => {
    const secret = newTotpSecret();
    const other = newTotpSecret();
    const now = Date.UTC(2026, 11, 7, 3, 0, 5);
    expect(secret).not.toBe(other);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const code = totpCodeAt(secret, now);
    expect(verifyTotp(other, code, now) && totpCodeAt(other, now) !== code).toBe(false);
    for (const bad of ['', '12345', '1234567', 'abcdef', ` ${code}`, `${code}0`]) expect(verifyTotp(secret, bad, now)).toBe(false);
  });

  it('gives an otpauth URI with the issuer and account and a PNG QR code of it', async () => {
    const secret = newTotpSecret();
    const { otpauthUri, qrDataUrl } = await enrolmentUri(secret, 'gz.admin');
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain('gz.admin');
    expect(otpauthUri).toContain('digits=6');
    expect(otpauthUri).toContain('period=30');
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  });
});
