import { ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { figuresReach, indicatorPolicy } from './indicator.policy.js';

const HUANGPU = '00000000-0000-4000-8000-000000000112';
const TIANHE = '00000000-0000-4000-8000-000000000106';
const CITY = '00000000-0000-4000-8000-000000000100';

function actor(role: Role, orgId: string, districtId: string | null = null): Actor {
  const { scope, permissions } = ROLE_DEFINITIONS[role];
  return { userId: null, name: role, role, orgId, districtId, scope, permissions, via: 'session', requestId: null, clientIp: null };
}

describe('indicator policy (whose figures an actor reads)', () => {
  it('lets city roles pick any district and pins a district officer to its own', () => {
    expect(figuresReach(actor('city_analyst', CITY))).toEqual({ kind: 'city' });
    expect(figuresReach(actor('auditor', CITY))).toEqual({ kind: 'city' });
    expect(figuresReach(actor('district_officer', HUANGPU, HUANGPU))).toEqual({ kind: 'district', districtId: HUANGPU });
    expect(indicatorPolicy.can(actor('district_officer', HUANGPU, HUANGPU), 'read', { districtId: TIANHE })).toBe(false);
  });

  it('refuses the figures without indicator:read, naming it', () => {
    const refusal = (() => {
      try {
        figuresReach(actor('enterprise_user', HUANGPU, HUANGPU));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('FORBIDDEN');
    expect((refusal as AppError).details).toMatchObject({ permissions: ['indicator:read'] });
  });

  it('reaches no figures for an account that reads indicators but lies in no district', () => {
    const unplaced = { ...actor('district_officer', HUANGPU), districtId: null };
    expect(figuresReach(unplaced)).toEqual({ kind: 'none' });
  });

  it('leaves changing definitions to holders of indicator:manage', () => {
    expect(indicatorPolicy.allows(actor('city_admin', CITY), 'manage')).toBe(true);
    expect(indicatorPolicy.allows(actor('city_analyst', CITY), 'manage')).toBe(false);
    expect(indicatorPolicy.allows(actor('district_officer', HUANGPU, HUANGPU), 'manage')).toBe(false);
  });
});
