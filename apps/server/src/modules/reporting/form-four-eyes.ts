import type { FormAction } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { refusal } from '../../platform/errors.js';
import type { RegistrationRow } from './reporting.repo.js';

/** Actions that fill a district's form: entering values and completing it (returning it, uncomplete, is a review step). */
const FILLING: readonly (FormAction | 'save')[] = ['save', 'complete'];

/**
 * Whether the actor fills a district's form on the district's behalf (代填): city users do so only
 * when they say so (`onBehalf: true`) — otherwise refused with `report.on_behalf_required` — and it
 * is then recorded with the district they acted for. District officers fill their own form.
 */
export function onBehalfOf(
  actor: Actor,
  action: FormAction | 'save',
  onBehalf: boolean | undefined,
  district: { id: string; name: string },
): string | null {
  if (actor.scope !== 'city' || !FILLING.includes(action)) return null;
  if (!onBehalf)
    throw refusal(
      'CONFLICT',
      'report.on_behalf_required',
      `the city fills ${district.name}'s form only on its behalf: send onBehalf: true to have it recorded as such`,
      { district: district.name },
    );
  return district.id;
}

/**
 * Four eyes (issue #12 item 6): a form is approved by someone other than the person who completed
 * (submitted) it; refused with `report.four_eyes` naming the submitter.
 */
export function requireFourEyes(action: FormAction, registration: RegistrationRow | null, actor: Actor): void {
  if (action !== 'approve' || !registration?.completedBy) return;
  if (registration.completedBy === actor.name)
    throw refusal('CONFLICT', 'report.four_eyes', 'a form is approved by someone other than the person who submitted it', {
      submitter: registration.completedBy,
    });
}
