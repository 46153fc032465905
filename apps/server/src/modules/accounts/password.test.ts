import { checkPasswordPolicy } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('generates passwords that satisfy the policy and differ each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(checkPasswordPolicy(p)).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('Guangzhou-2027!');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Guangzhou-2027!')).toBe(true);
    expect(await verifyPassword(hash, 'guangzhou-2027!')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
