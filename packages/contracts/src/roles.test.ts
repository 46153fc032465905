import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './auth.js';
import { ORG_KINDS, PERMISSIONS, ROLE_DEFINITIONS, ROLES } from './roles.js';

describe('role definitions', () => {
  it('defines every role with known permissions and organisation kinds', () => {
    expect(Object.keys(ROLE_DEFINITIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      const d = ROLE_DEFINITIONS[role];
      for (const p of d.permissions) expect(PERMISSIONS).toContain(p);
      for (const k of d.orgKinds) expect(ORG_KINDS).toContain(k);
      if (d.manages.length > 0) expect(d.permissions).toContain('user:write');
    }
  });

  it('gives the audit log only to city admins and auditors', () => {
    const readers = ROLES.filter((r) => ROLE_DEFINITIONS[r].permissions.includes('audit:read'));
    expect(readers.sort()).toEqual(['auditor', 'city_admin']);
  });

  it('lets district officers manage only enterprise and provider accounts', () => {
    expect(ROLE_DEFINITIONS.district_officer.manages).toEqual(['enterprise_user', 'provider_user']);
  });
});

describe('password policy', () => {
  it('wants length, three character classes and no username', () => {
    expect(checkPasswordPolicy('Ab1-')).toBe('length');
    expect(checkPasswordPolicy('abcdefghijkl')).toBe('classes');
    expect(checkPasswordPolicy('Guangzhou-admin1', 'admin')).toBe('username');
    expect(checkPasswordPolicy('Guangzhou-2027!')).toBeNull();
  });
});
