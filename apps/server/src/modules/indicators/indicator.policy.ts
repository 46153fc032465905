import type { Actor } from '../../platform/actor.js';
import { definePolicy } from '../../platform/policy/policy.js';

/** Figures as the indicator policy sees them: one district's (districtId), or the whole city's (null). */
export interface IndicatorFigures {
  districtId: string | null;
}

/**
 * Who may do what with indicators: indicator:read shows the figures (city users every district's,
 * district officers their own district's), indicator:manage changes the definitions.
 */
export const indicatorPolicy = definePolicy<IndicatorFigures, 'read' | 'manage'>('indicator', {
  read: { access: 'indicator:read', scope: { district: 'districtId', organisation: [] } },
  manage: { access: 'indicator:manage' },
});

/**
 * Which figures an actor reads: `city` (it may name any district), `district` (pinned to its own),
 * or `none` (organisation accounts reach no figures). 403 without indicator:read.
 */
export function figuresReach(actor: Actor): { kind: 'city' } | { kind: 'district'; districtId: string } | { kind: 'none' } {
  const reach = indicatorPolicy.reach(actor, 'read');
  if (reach.all) return { kind: 'city' };
  if ('districtId' in reach && indicatorPolicy.can(actor, 'read', { districtId: reach.districtId })) {
    return { kind: 'district', districtId: reach.districtId };
  }
  return { kind: 'none' };
}
