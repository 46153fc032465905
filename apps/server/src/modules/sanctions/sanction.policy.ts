import { definePolicy } from '../../platform/policy/policy.js';

/**
 * The sanction register is city-wide: every holder of sanction:read (reviewers in the districts,
 * analysts, auditors) sees every sanction, since any district may review the sanctioned entity's
 * next application. Only holders of sanction:write (city administrators) record or lift one.
 */
export const sanctionPolicy = definePolicy<Record<string, never>, 'read' | 'write'>('sanction', {
  read: { access: 'sanction:read' },
  write: { access: 'sanction:write' },
});
