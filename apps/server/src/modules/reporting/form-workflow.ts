import type { FormAction, RegistrationState, Role } from '@suilian/contracts';

/**
 * The approval workflow of one form (DHIS2's completion → approval → acceptance, simplified):
 * open → completed (district) → approved (district) → accepted (city). Accepted data is locked;
 * the city can unaccept with a reason.
 */
const MOVES: Record<FormAction, { from: RegistrationState; to: RegistrationState; roles: readonly Role[]; needsComment?: boolean }> = {
  complete: { from: 'open', to: 'completed', roles: ['district_officer', 'city_admin'] },
  uncomplete: { from: 'completed', to: 'open', roles: ['district_officer', 'city_admin'] },
  approve: { from: 'completed', to: 'approved', roles: ['district_officer', 'city_admin'] },
  unapprove: { from: 'approved', to: 'completed', roles: ['district_officer', 'city_admin'], needsComment: true },
  accept: { from: 'approved', to: 'accepted', roles: ['city_admin'] },
  unaccept: { from: 'accepted', to: 'approved', roles: ['city_admin'], needsComment: true },
};

export function moveForm(
  state: RegistrationState,
  action: FormAction,
  role: Role,
  comment: string | undefined,
): { ok: true; to: RegistrationState } | { ok: false; rule: string; reason: string } {
  const move = MOVES[action];
  if (move.from !== state) return { ok: false, rule: 'illegal', reason: `a ${state} form cannot be ${action}d (it must be ${move.from})` };
  if (!move.roles.includes(role)) return { ok: false, rule: 'role', reason: `only ${move.roles.join(' or ')} may ${action} a form` };
  if (move.needsComment && !comment?.trim()) return { ok: false, rule: 'comment', reason: `${action} needs a reason` };
  return { ok: true, to: move.to };
}

/** Checks one value against its element's type; returns the normalised text or a rule name. */
export function checkValue(
  valueType: 'integer' | 'number' | 'percentage' | 'boolean' | 'text',
  raw: string,
): { ok: true; value: string } | { ok: false; rule: string; message: string } {
  const value = raw.trim();
  switch (valueType) {
    case 'integer':
      return /^\d{1,12}$/.test(value)
        ? { ok: true, value: String(Number(value)) }
        : { ok: false, rule: 'integer', message: 'a whole number of zero or more' };
    case 'number':
      return /^-?\d{1,12}(\.\d{1,6})?$/.test(value) ? { ok: true, value } : { ok: false, rule: 'number', message: 'a number' };
    case 'percentage': {
      const n = Number(value);
      return /^\d{1,3}(\.\d{1,2})?$/.test(value) && n >= 0 && n <= 100
        ? { ok: true, value }
        : { ok: false, rule: 'percentage', message: 'a percentage from 0 to 100' };
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? { ok: true, value } : { ok: false, rule: 'boolean', message: 'true or false' };
    case 'text':
      return value.length > 0 ? { ok: true, value } : { ok: false, rule: 'text', message: 'some text' };
  }
}
