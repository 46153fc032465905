import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes.js';

describe('recovery codes (#11 item 6)', () => {
  it('gives ten distinct codes of four groups of four, without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });

  it('hashes a code the same however it is typed, differently per account, never as the code itself', () => {
    const [code = ''] = newRecoveryCodes(1);
    const userId = '6f1c1c58-3a62-4d2c-9a53-0d1a3c0c7a11';
    const stored = hashRecoveryCode(userId, code);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(normaliseRecoveryCode(code));
    expect(hashRecoveryCode(userId, code.toUpperCase())).toBe(stored);
    expect(hashRecoveryCode(userId, ` ${code.replace(/-/g, ' ')} `)).toBe(stored);
    expect(hashRecoveryCode('0b7e5a2c-0000-4000-8000-000000000001', code)).not.toBe(stored);
    const [another = ''] = newRecoveryCodes(1);
    expect(hashRecoveryCode(userId, another)).not.toBe(stored);
  });
});
