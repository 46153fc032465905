import { ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';

/** Builds the actor for a principal from its role definition (scope and permissions are data). */
export function actorFor(principal: {
  userId: string | null;
  name: string;
  role: Role;
  orgId: string;
  districtId: string | null;
  via: Actor['via'];
  tokenId?: string;
}): Omit<Actor, 'requestId' | 'clientIp'> {
  const definition = ROLE_DEFINITIONS[principal.role];
  return { ...principal, scope: definition.scope, permissions: definition.permissions };
}
