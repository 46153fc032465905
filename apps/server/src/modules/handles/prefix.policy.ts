import { definePolicy, type PolicyRule } from '../../platform/policy/policy.js';
import type { PrefixRow } from './handle.repo.js';

/**
 * A prefix as the policies see it: the enterprise (or the city) that owns it, the organisations of
 * its admin group, and the owner's district. A handle record is reached through its prefix.
 */
export type PrefixReach = Pick<PrefixRow, 'ownerOrgId' | 'adminOrgIds' | 'districtId'>;

export type PrefixAction = 'read' | 'readAdminValues' | 'write' | 'delegate';

const RULES: Record<PrefixAction, PolicyRule<PrefixReach>> = {
  /** Records, templates and statistics: the city all, a district its enterprises', an organisation its admin groups'. */
  read: { access: 'handle:read', scope: { district: 'districtId', organisation: ['ownerOrgId', 'adminOrgIds'] } },
  /**
   * Values without public read (RFC 3651 admin-read) in Handle resolution, besides the admin group:
   * city-wide readers (analysts, auditors) only.
   */
  readAdminValues: { access: 'handle:read', scope: { district: null, organisation: [] } },
  /** Registering, changing and deleting handles and templates: the admin group (and city administrators). */
  write: { access: 'handle:write', scope: { district: null, organisation: ['ownerOrgId', 'adminOrgIds'] } },
  /** Delegating prefixes and changing their admin groups: the city. */
  delegate: { access: 'handle:delegate' },
};

/** Who may do what with a prefix and its templates (404 `prefix not found` out of reach). */
export const prefixPolicy = definePolicy<PrefixReach, PrefixAction>('prefix', RULES);

/** The same rules for the handles under a prefix, passed their prefix (404 `handle not found`). */
export const handlePolicy = definePolicy<PrefixReach, PrefixAction>('handle', RULES);

/**
 * Stands in for a record's prefix while this instance has not yet heard of it (the prefix table is
 * reloaded on NOTIFY): the city reaches it, nobody else does.
 */
export const UNHEARD_PREFIX: PrefixReach = { ownerOrgId: '', adminOrgIds: [], districtId: null };
