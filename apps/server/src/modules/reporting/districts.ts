import type { Actor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import type { OrganisationService } from '../organisations/index.js';
import { type FormAction, formPolicy } from './reporting.policy.js';

export interface District {
  id: string;
  name: string;
  divisionCode: string | null;
}

/**
 * The districts an actor reports for or reads: city users every district (or the one named),
 * district officers only their own (naming another one is a 404, as if it did not exist).
 */
export async function districtsFor(
  organisations: Pick<OrganisationService, 'list'>,
  actor: Actor,
  action: FormAction,
  orgUnit?: string,
): Promise<District[]> {
  formPolicy.authorize(actor, action);
  const all = (await organisations.list(actor, { kind: 'district', page: 1, pageSize: 200 })).items
    .filter((d) => d.kind === 'district' && formPolicy.can(actor, action, { districtId: d.id }))
    .map((d) => ({ id: d.id, name: d.name, divisionCode: d.divisionCode }));
  if (orgUnit === undefined) return all;
  const one = all.filter((d) => d.id === orgUnit);
  if (one.length === 0) throw notFound('district');
  return one;
}
