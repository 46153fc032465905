import type { Actor } from './actor.js';

/** What part of the organisation tree an actor may see, in repository-neutral terms. */
export type OrgScope = { all: true } | { all: false; districtId: string } | { all: false; orgId: string };

export function orgScopeOf(actor: Actor): OrgScope {
  if (actor.scope === 'city') return { all: true };
  if (actor.scope === 'district' && actor.districtId) return { all: false, districtId: actor.districtId };
  return { all: false, orgId: actor.orgId };
}

/** Whether an organisation (given its id and district) lies inside the actor's scope. */
export function inScope(actor: Actor, org: { id: string; districtId: string | null }): boolean {
  const scope = orgScopeOf(actor);
  if (scope.all) return true;
  if ('districtId' in scope) return org.districtId === scope.districtId;
  return org.id === scope.orgId;
}
