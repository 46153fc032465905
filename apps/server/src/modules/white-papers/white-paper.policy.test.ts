import { ROLE_DEFINITIONS, ROLES, type Role } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { findPersonalData, maskPersonalData } from './personal-data.js';
import { WHOLE_CITY, whitePaperPolicy } from './white-paper.policy.js';

const HUANGPU = '00000000-0000-4000-8000-000000000112';
const CITY = '00000000-0000-4000-8000-000000000100';

function actor(role: Role): Actor {
  const { scope, permissions } = ROLE_DEFINITIONS[role];
  const district = scope === 'city' ? null : HUANGPU;
  return {
    userId: null,
    name: role,
    role,
    orgId: district ?? CITY,
    districtId: district,
    scope,
    permissions,
    via: 'session',
    requestId: null,
    clientIp: null,
  };
}

/** Role by role (#16 item 4): the city edits and publishes; auditors read every edition; the others read the portal only. */
const EXPECTED: Record<Role, { read: boolean; edit: boolean; publish: boolean }> = {
  city_admin: { read: true, edit: true, publish: true },
  city_analyst: { read: true, edit: true, publish: false },
  auditor: { read: true, edit: false, publish: false },
  district_officer: { read: false, edit: false, publish: false },
  enterprise_user: { read: false, edit: false, publish: false },
  provider_user: { read: false, edit: false, publish: false },
  expert: { read: false, edit: false, publish: false },
  security_analyst: { read: false, edit: false, publish: false },
  bank_user: { read: false, edit: false, publish: false },
};

describe('white paper policy (#16 item 4)', () => {
  it('grants reading, editing and publishing role by role', () => {
    const granted = Object.fromEntries(
      ROLES.map((role) => [
        role,
        {
          read: whitePaperPolicy.allows(actor(role), 'read'),
          edit: whitePaperPolicy.can(actor(role), 'edit', WHOLE_CITY),
          publish: whitePaperPolicy.can(actor(role), 'publish', WHOLE_CITY),
        },
      ]),
    );
    expect(granted).toEqual(EXPECTED);
  });

  it('does not let a district account edit the city’s edition, even holding the permission', () => {
    const officer = actor('district_officer');
    const granted = { ...officer, permissions: [...officer.permissions, 'white_paper:edit' as const, 'white_paper:publish' as const] };
    expect(whitePaperPolicy.can(granted, 'edit', WHOLE_CITY)).toBe(false);
    expect(whitePaperPolicy.can(granted, 'publish', WHOLE_CITY)).toBe(false);
  });
});

describe('personal data in the public white paper (#16 item 4)', () => {
  it('masks ID numbers, mobiles, landlines and e-mails and finds none afterwards', () => {
    const text = '联系人 13812345678、+86 139 1234 5678、020-83331234，a.b@example.com，证件 44010619900101123X，项目 XM2026000901。';
    expect(findPersonalData(text).sort()).toEqual(['email', 'landline', 'mobile', 'residentId']);
    const masked = maskPersonalData(text);
    expect(findPersonalData(masked)).toEqual([]);
    expect(masked).toContain('XM2026000901');
  });
});
