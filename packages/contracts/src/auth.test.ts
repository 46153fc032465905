import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, commonPasswordCandidates } from './auth.js';

describe('password policy (issue #11 item 6)', () => {
  it('wants 12 characters', () => {
    expect(checkPasswordPolicy('Gz-2027!abc')).toBe('length');
    expect(checkPasswordPolicy('Gz-2027!abcd')).toBeNull();
  });

  it('refuses the username in any case', () => {
    expect(checkPasswordPolicy('My-WANG.LEI-2027', 'wang.lei')).toBe('username');
  });

  it('looks up the whole password and its core, with look-alikes undone', () => {
    expect(commonPasswordCandidates('Password123!')).toEqual(['password123!', 'password']);
    expect(commonPasswordCandidates('Admin@123456')).toEqual(['admin@123456', 'admin']);
    expect(commonPasswordCandidates('P@ssw0rd2026')).toEqual(['p@ssw0rd2026', 'p@ssw0rd', 'password']);
    expect(commonPasswordCandidates('9-Xy-87654321')).toEqual(['9-xy-87654321']);
    const list = new Set(['password', 'admin']);
    for (const weak of ['Password123!', 'Admin@123456', 'P@ssw0rd2026'])
      expect(checkPasswordPolicy(weak, undefined, (c) => list.has(c))).toBe('common');
    expect(checkPasswordPolicy('Correct-Horse-9', undefined, (c) => list.has(c))).toBeNull();
  });
});
