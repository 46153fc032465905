import type { DatasetAccessLevel } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { definePolicy } from '../../platform/policy/policy.js';

/**
 * Who sees which datasets (issue #16 item 3): public and registered datasets every logged-in
 * account (public ones also anonymously, through the open-data endpoints); internal ones holders of
 * dataset:internal (city staff, district officers, auditors). The catalogue is kept by holders of
 * dataset:manage (city administrators and analysts). The catalogue is city-wide: no scope.
 */
export const datasetPolicy = definePolicy<Record<string, never>, 'readRegistered' | 'readInternal' | 'manage'>('dataset', {
  readRegistered: { access: 'authenticated' },
  readInternal: { access: 'dataset:internal' },
  manage: { access: 'dataset:manage' },
});

/** The access levels an actor sees (null: anonymous, public only). */
export function visibleLevels(actor: Actor | null): DatasetAccessLevel[] {
  if (!actor) return ['public'];
  return datasetPolicy.allows(actor, 'readInternal') ? ['public', 'registered', 'internal'] : ['public', 'registered'];
}
