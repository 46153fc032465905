import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { checkPassword } from './password-policy.js';

describe('passwords', () => {
  it('generates passwords that satisfy the policy and differ each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(checkPassword(p)).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });

  it('refuses common passwords from the shipped list, also dressed up with digits, symbols and look-alikes', () => {
    for (const weak of ['Password123!', 'Admin@123456', 'P@ssw0rd2026', 'Qwerty123456!', 'iloveyou2026!'])
      expect(checkPassword(weak)).toBe('common');
    expect(checkPassword('Admin@123456', 'admin')).toBe('username');
    // The test harness's, the e2e fixtures' and the bench's passwords pass.
    for (const fine of [
      'Correct-Horse-9',
      'Guangzhou-2027!',
      'Tianhe-e2e-2025!',
      'Officer-e2e-m3x9k2!',
      'Expert2-sel-m3x9k2!',
      'Bench-Password-1',
    ])
      expect(checkPassword(fine)).toBeNull();
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('Guangzhou-2027!');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Guangzhou-2027!')).toBe(true);
    expect(await verifyPassword(hash, 'guangzhou-2027!')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
