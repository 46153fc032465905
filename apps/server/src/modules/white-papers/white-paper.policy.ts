import { definePolicy } from '../../platform/policy/policy.js';

/** What the white paper policy sees of an edition: it is a city-wide document, in no district. */
export interface EditionCoverage {
  districtId: string | null;
}

/** An edition covers the whole city. */
export const WHOLE_CITY: EditionCoverage = { districtId: null };

/**
 * Who may do what with white paper editions: white_paper:read reads every edition in every state
 * (city staff and auditors); white_paper:edit drafts, comments, refreshes and submits, and
 * white_paper:publish returns or publishes — both only for actors who reach the whole city. Everyone
 * else, signed in or not, reads the published editions on the portal (public endpoints).
 */
export const whitePaperPolicy = definePolicy<EditionCoverage, 'read' | 'edit' | 'publish'>('white paper', {
  read: { access: 'white_paper:read' },
  edit: { access: 'white_paper:edit', scope: { district: 'districtId', organisation: [] } },
  publish: { access: 'white_paper:publish', scope: { district: 'districtId', organisation: [] } },
});
