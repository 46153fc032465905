import { SELECTION_PARTICIPANTS } from '@suilian/contracts';
import { definePolicy } from '../../platform/policy/policy.js';
import type { RoundRow } from './selection.repo.js';

/**
 * Who may do what to selection rounds. Rounds are city-wide calls, so there is no scope: everyone
 * taking part reads them (drafts stay the organisers' until opened: a stage rule, in the service),
 * organisers (selection:manage) create, edit, move them and keep the expert pool.
 */
export const roundPolicy = definePolicy<RoundRow, 'read' | 'manage'>('selection round', {
  read: { access: SELECTION_PARTICIPANTS },
  manage: { access: 'selection:manage' },
});
