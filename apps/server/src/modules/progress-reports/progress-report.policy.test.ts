import { ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { progressReportPolicy, WHOLE_CITY } from './progress-report.policy.js';

const HUANGPU = '00000000-0000-4000-8000-000000000112';
const CITY = '00000000-0000-4000-8000-000000000100';

function actor(role: Role, orgId: string, districtId: string | null = null): Actor {
  const { scope, permissions } = ROLE_DEFINITIONS[role];
  return { userId: null, name: role, role, orgId, districtId, scope, permissions, via: 'session', requestId: null, clientIp: null };
}

describe('progress report policy', () => {
  it('lets city admins and analysts generate the city’s report', () => {
    expect(progressReportPolicy.can(actor('city_admin', CITY), 'generate', WHOLE_CITY)).toBe(true);
    expect(progressReportPolicy.can(actor('city_analyst', CITY), 'generate', WHOLE_CITY)).toBe(true);
    expect(progressReportPolicy.allows(actor('auditor', CITY), 'generate')).toBe(false);
  });

  it('does not let a district account generate it, even holding the permission', () => {
    const officer = actor('district_officer', HUANGPU, HUANGPU);
    const granted = { ...officer, permissions: [...officer.permissions, 'progress_report:generate' as const] };
    expect(progressReportPolicy.can(granted, 'generate', WHOLE_CITY)).toBe(false);
  });

  it('lets every holder of report:read read the kept reports', () => {
    expect(progressReportPolicy.allows(actor('district_officer', HUANGPU, HUANGPU), 'read')).toBe(true);
    expect(progressReportPolicy.allows(actor('auditor', CITY), 'read')).toBe(true);
    expect(progressReportPolicy.allows(actor('enterprise_user', HUANGPU, HUANGPU), 'read')).toBe(false);
  });
});
