import { ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { EVERY_DISTRICT, formPolicy, reminderRunPolicy, reportingConfigPolicy } from './reporting.policy.js';

const HUANGPU = '00000000-0000-4000-8000-000000000112';
const TIANHE = '00000000-0000-4000-8000-000000000106';
const CITY = '00000000-0000-4000-8000-000000000100';

function actor(role: Role, orgId: string, districtId: string | null = null): Actor {
  const { scope, permissions } = ROLE_DEFINITIONS[role];
  return { userId: null, name: role, role, orgId, districtId, scope, permissions, via: 'session', requestId: null, clientIp: null };
}

const officer = actor('district_officer', HUANGPU, HUANGPU);
const admin = actor('city_admin', CITY);

describe('district form policy', () => {
  it('lets a district officer read, enter and approve its own district’s forms, and no other district’s', () => {
    for (const action of ['read', 'enter', 'approve'] as const) {
      expect(formPolicy.can(officer, action, { districtId: HUANGPU }), action).toBe(true);
      expect(formPolicy.can(officer, action, { districtId: TIANHE }), action).toBe(false);
    }
    expect(formPolicy.reach(officer, 'read')).toEqual({ all: false, districtId: HUANGPU });
  });

  it('leaves accepting and lock exceptions to the city', () => {
    expect(formPolicy.allows(officer, 'accept')).toBe(false);
    expect(formPolicy.can(admin, 'accept', { districtId: TIANHE })).toBe(true);
  });

  it('answers a district out of reach as if it did not exist', () => {
    expect(() => formPolicy.authorize(officer, 'read', { districtId: TIANHE })).toThrow('district not found');
    expect(() => formPolicy.authorize(actor('enterprise_user', HUANGPU, HUANGPU), 'read')).toThrow('this needs report:read');
  });

  it('gives enterprises and providers no form at all', () => {
    const enterprise = { ...actor('enterprise_user', HUANGPU, HUANGPU), permissions: ['report:read' as const] };
    expect(formPolicy.can(enterprise, 'read', { districtId: HUANGPU })).toBe(false);
  });
});

describe('reporting configuration policy', () => {
  it('lets report readers read it and only report:configure change it', () => {
    expect(reportingConfigPolicy.allows(actor('auditor', CITY), 'read')).toBe(true);
    expect(reportingConfigPolicy.allows(officer, 'configure')).toBe(false);
    expect(reportingConfigPolicy.allows(admin, 'configure')).toBe(true);
  });
});

describe('reminder run policy', () => {
  it('needs report:accept and an actor who reaches every district', () => {
    expect(reminderRunPolicy.can(admin, 'run', EVERY_DISTRICT)).toBe(true);
    const districtAcceptor = { ...officer, permissions: [...officer.permissions, 'report:accept' as const] };
    expect(reminderRunPolicy.can(districtAcceptor, 'run', EVERY_DISTRICT)).toBe(false);
    expect(reminderRunPolicy.allows(actor('city_analyst', CITY), 'run')).toBe(false);
  });
});
