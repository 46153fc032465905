import { ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { handlePolicy, type PrefixReach, prefixPolicy } from './prefix.policy.js';

const HUANGPU = '00000000-0000-4000-8000-000000000112';
const TIANHE = '00000000-0000-4000-8000-000000000106';
const OWNER = '00000000-0000-4000-8000-00000000000a';
const PROVIDER = '00000000-0000-4000-8000-00000000000b';
const STRANGER = '00000000-0000-4000-8000-00000000000c';

function actor(role: Role, orgId: string, districtId: string | null = null): Actor {
  const definition = ROLE_DEFINITIONS[role];
  return {
    userId: null,
    name: role,
    role,
    orgId,
    districtId,
    scope: definition.scope,
    permissions: definition.permissions,
    via: 'session',
    requestId: null,
    clientIp: null,
  };
}

/** 88.118.8: owned by an enterprise of Huangpu, a service provider in its admin group. */
const prefix: PrefixReach = { ownerOrgId: OWNER, adminOrgIds: [PROVIDER], districtId: HUANGPU };

describe('prefix policy (the admin group as scope data)', () => {
  it('lets the owner and every organisation of the admin group write, nobody else outside the city', () => {
    expect(prefixPolicy.can(actor('enterprise_user', OWNER, HUANGPU), 'write', prefix)).toBe(true);
    expect(prefixPolicy.can(actor('provider_user', PROVIDER, HUANGPU), 'write', prefix)).toBe(true);
    expect(prefixPolicy.can(actor('enterprise_user', STRANGER, HUANGPU), 'write', prefix)).toBe(false);
    expect(prefixPolicy.can(actor('city_admin', STRANGER), 'write', prefix)).toBe(true);
    // District officers read their district's prefixes but hold no handle:write.
    expect(prefixPolicy.can(actor('district_officer', HUANGPU, HUANGPU), 'write', prefix)).toBe(false);
  });

  it('lets district officers read the prefixes of their district only', () => {
    expect(prefixPolicy.can(actor('district_officer', HUANGPU, HUANGPU), 'read', prefix)).toBe(true);
    expect(prefixPolicy.can(actor('district_officer', TIANHE, TIANHE), 'read', prefix)).toBe(false);
    expect(prefixPolicy.can(actor('district_officer', HUANGPU, HUANGPU), 'read', { ...prefix, districtId: null })).toBe(false);
  });

  it('shows admin-read values to city-wide readers, not to district officers', () => {
    expect(prefixPolicy.can(actor('auditor', STRANGER), 'readAdminValues', prefix)).toBe(true);
    expect(prefixPolicy.can(actor('city_analyst', STRANGER), 'readAdminValues', prefix)).toBe(true);
    expect(prefixPolicy.can(actor('district_officer', HUANGPU, HUANGPU), 'readAdminValues', prefix)).toBe(false);
    expect(prefixPolicy.can(actor('enterprise_user', OWNER, HUANGPU), 'readAdminValues', prefix)).toBe(false);
  });

  it('leaves delegation to the city, naming the permission in the 403', () => {
    expect(prefixPolicy.allows(actor('city_admin', STRANGER), 'delegate')).toBe(true);
    const refusal = (() => {
      try {
        prefixPolicy.authorize(actor('enterprise_user', OWNER, HUANGPU), 'delegate');
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).details).toMatchObject({ permissions: ['handle:delegate'] });
  });

  it('hides handles out of reach as not found, under the handle’s name', () => {
    expect(() => handlePolicy.authorize(actor('enterprise_user', STRANGER, TIANHE), 'read', prefix)).toThrow('handle not found');
    expect(() => prefixPolicy.authorize(actor('enterprise_user', STRANGER, TIANHE), 'read', prefix)).toThrow('prefix not found');
  });
});
