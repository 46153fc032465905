import { checkReportValue, type FormAction, type RegistrationState, type ReportValueType, type Role } from '@suilian/contracts';

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

/**
 * Checks one value against its element's type (contracts' rule, shared with the console); returns
 * the normalised text or the rule it breaks — never a clamped value (issue #12 item 4).
 */
export function checkValue(
  valueType: ReportValueType,
  raw: string,
): { ok: true; value: string } | { ok: false; rule: string; message: string } {
  return checkReportValue(valueType, raw);
}
