import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { inScope, orgScopeOf } from './scope.js';

const base: Actor = {
  userId: 'u',
  name: 'n',
  role: 'district_officer',
  orgId: 'tianhe',
  districtId: 'tianhe',
  scope: 'district',
  permissions: [],
  via: 'session',
  requestId: null,
  clientIp: null,
};

describe('organisation scope', () => {
  it('lets city scope see everything', () => {
    const actor = { ...base, scope: 'city' as const, districtId: null };
    expect(orgScopeOf(actor)).toEqual({ all: true });
    expect(inScope(actor, { id: 'x', districtId: 'huangpu' })).toBe(true);
  });

  it('limits a district officer to its district', () => {
    expect(inScope(base, { id: 'e1', districtId: 'tianhe' })).toBe(true);
    expect(inScope(base, { id: 'e2', districtId: 'huangpu' })).toBe(false);
    expect(inScope(base, { id: 'city', districtId: null })).toBe(false);
  });

  it('limits organisation scope to the organisation itself', () => {
    const actor = { ...base, role: 'enterprise_user' as const, scope: 'organisation' as const, orgId: 'e1' };
    expect(inScope(actor, { id: 'e1', districtId: 'tianhe' })).toBe(true);
    expect(inScope(actor, { id: 'e3', districtId: 'tianhe' })).toBe(false);
  });
});
