import { type Permission, ROLE_DEFINITIONS, type Role, type Scope } from '@suilian/contracts';

/** Who is acting, resolved once per request by the auth plugin and passed to every service call. */
export interface Actor {
  userId: string | null;
  /** Username, or `token:<name>` for API tokens, or `system`/`cli` for internal work. */
  name: string;
  /** The person's name for timelines and notices (falls back to `name`). */
  displayName?: string;
  role: Role;
  orgId: string;
  /** The district of the actor's organisation (null for city-level organisations). */
  districtId: string | null;
  scope: Scope;
  permissions: readonly Permission[];
  via: 'session' | 'token' | 'system';
  tokenId?: string;
  requestId: string | null;
  clientIp: string | null;
}

/** The actor for work no person started: boot-time seeding, the CLI. */
export function systemActor(name: 'system' | 'cli', cityOrgId: string): Actor {
  return {
    userId: null,
    name,
    role: 'city_admin',
    orgId: cityOrgId,
    districtId: null,
    scope: 'city',
    permissions: ROLE_DEFINITIONS.city_admin.permissions,
    via: 'system',
    requestId: null,
    clientIp: null,
  };
}
