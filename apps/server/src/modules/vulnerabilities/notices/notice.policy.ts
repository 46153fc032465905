import { definePolicy } from '../../../platform/policy/policy.js';

/** A notice as its policy sees it: the enterprises it was published to (none while a draft). */
export interface NoticeAudience {
  recipientIds: readonly string[];
}

/** One recipient of a notice: an enterprise and its district. */
export interface RecipientOwner {
  enterpriseId: string;
  districtId: string | null;
}

// Notices are city-wide warnings: district officers read every one, an enterprise those addressed to it.
const audience = { district: 'every', organisation: ['recipientIds'] } as const;

/**
 * Who may read (vuln:read), draft and publish (vuln:manage) and answer (notice:respond) early-warning
 * notices. Drafts are for vuln:manage holders only: a lifecycle rule the notice service keeps.
 */
export const noticePolicy = definePolicy<NoticeAudience, 'read' | 'manage' | 'respond'>('notice', {
  read: { access: 'vuln:read', scope: audience },
  manage: { access: 'vuln:manage' },
  respond: { access: 'notice:respond', scope: audience },
});

/** Which recipients of a notice (and their answers) an actor sees: their district's, or their own. */
export const recipientPolicy = definePolicy<RecipientOwner, 'read'>('notice recipient', {
  read: { access: 'vuln:read', scope: { district: 'districtId', organisation: ['enterpriseId'] } },
});
