/** Roles, their scope and permissions — data, not code paths (issue #2 item 3). */
export const ROLES = [
  'city_admin',
  'city_analyst',
  'district_officer',
  'enterprise_user',
  'provider_user',
  'expert',
  'security_analyst',
  'auditor',
  /** A bank's staff answering financing requests routed to their bank (产融合作, issue #15 item 5). */
  'bank_user',
] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['city', 'district', 'enterprise', 'provider', 'expert_pool', 'bank'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const PERMISSIONS = [
  'org:read',
  'org:write',
  'user:read',
  'user:write',
  'token:read',
  'token:write',
  'audit:read',
  'codelist:write',
  'enterprise:read',
  'enterprise:write',
  'project:read',
  'project:write',
  'file:upload',
  'registry:read',
  'registry:write',
  /** Confirm or return records enterprises declared, so they count toward targets (issue #12 item 5). */
  'record:confirm',
  'selection:read',
  'selection:manage',
  'selection:apply',
  'selection:recommend',
  'selection:review',
  'indicator:read',
  /** Create, edit and retire indicators (city admins; issue #4 item 1). */
  'indicator:manage',
  'report:read',
  'report:enter',
  'report:approve',
  'report:accept',
  'report:configure',
  /** Generate the quarterly progress report (city admins and analysts; reading it needs report:read). */
  'progress_report:generate',
  /** Vulnerability database, notices and statistics (issue #5). */
  'vuln:read',
  /** Import advisories, enter CNVD records, vendor aliases, match review, notices, SLA settings. */
  'vuln:manage',
  'asset:read',
  'asset:write',
  'finding:read',
  /** Triage and remediate findings (confirm, false positive, not affected, plan, mark fixed). */
  'finding:update',
  /** Re-verify a fixed finding (never the person who fixed it). */
  'finding:verify',
  /** Approve a risk acceptance with an expiry. */
  'finding:accept_risk',
  /** Acknowledge and answer early-warning notices. */
  'notice:respond',
  /** Industrial identifiers (issue #6): see all records of prefixes in scope, statistics. */
  'handle:read',
  /** Register, update and delete handles and templates under prefixes whose admin group holds the organisation. */
  'handle:write',
  /** Delegate derived prefixes to enterprises and change their admin groups (city admins). */
  'handle:delegate',
  /** Send the mail outbox's due mail now (city admins; auditors read the outbox but do not act on it). */
  'mail:dispatch',
  /** 5G private networks and edge nodes in reach (issue #14). */
  'network:read',
  /** Register and keep private networks: operators' users (their own networks) and city admins. */
  'network:write',
  /** Register devices on private networks and acknowledge their alarms: the network's operator and its enterprise (issue #14 item 2). */
  'device:write',
  /** Write one's own solutions and submit or retire them; follow up leads on them (issue #15 item 2). */
  'solution:write',
  /** Publish or return submitted solutions (the city's review). */
  'solution:review',
  /** Read demands within one's scope (issue #15 item 3). */
  'demand:read',
  /** Post and edit demands, open leads from them (enterprises; districts on their behalf). */
  'demand:write',
  /** Read the sanction register (取消资格): reviewers, analysts and auditors (issue #16 item 2). */
  'sanction:read',
  /** Record and lift sanctions (city admins). */
  'sanction:write',
  /** Read fund programmes and the applications in reach (专项资金, issue #16 item 1). */
  'fund:read',
  /** Apply for funds for one's own projects (enterprises). */
  'fund:apply',
  /** Review applications of one's district (district officers). */
  'fund:review',
  /** Keep programmes, review at city level, record 公示 objections, decide awards and disbursements (city admins). */
  'fund:manage',
  /** Keep the dataset catalogue: register datasets, upload statistics tables, regenerate distributions (issue #16 item 3). */
  'dataset:manage',
  /** See and explore internal datasets (city staff, district officers, auditors). */
  'dataset:internal',
  /** Read white paper editions in every state (city staff, auditors); published ones are public (issue #16 item 4). */
  'white_paper:read',
  /** Draft white paper editions, write the chapters' commentary, refresh the snapshot, submit for review. */
  'white_paper:edit',
  /** Review white paper editions: return with a comment or publish (city admins). */
  'white_paper:publish',
  /** Read financing requests in reach: the enterprise its own, a bank those routed to it, a district its district's, the city all (产融合作, issue #15 item 5). */
  'financing:read',
  /** Draft, submit and withdraw one's own financing requests and accept an offer (enterprises). */
  'financing:request',
  /** Answer requests routed to one's bank with an offer or a decline, close them once the loan is granted (bank users). */
  'financing:offer',
  /** Keep the SLA profiles private networks are accepted against (city admins; issue #14 item 3). */
  'sla:manage',
  /** See courses, cohorts and events in reach and their figures (issue #15 item 6). */
  'training:read',
  /** Organise courses, cohorts and events: rosters, check-in, completion, certificates (districts; providers their own). */
  'training:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * How far a role sees: `city` — everything; `district` — its district and the organisations in it;
 * `organisation` — its own organisation only.
 */
export type Scope = 'city' | 'district' | 'organisation';

export interface RoleDefinition {
  scope: Scope;
  /** Organisation kinds an account of this role may belong to. */
  orgKinds: readonly OrgKind[];
  permissions: readonly Permission[];
  /** Roles this role may create and manage accounts for (within its scope). */
  manages: readonly Role[];
}

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  city_admin: {
    scope: 'city',
    orgKinds: ['city'],
    permissions: [...PERMISSIONS],
    manages: [...ROLES],
  },
  city_analyst: {
    scope: 'city',
    orgKinds: ['city'],
    permissions: [
      'org:read',
      'user:read',
      'enterprise:read',
      'project:read',
      'file:upload',
      'registry:read',
      'selection:read',
      'indicator:read',
      'report:read',
      'progress_report:generate',
      'vuln:read',
      'asset:read',
      'finding:read',
      'handle:read',
      'network:read',
      'demand:read',
      'sanction:read',
      'fund:read',
      'dataset:manage',
      'dataset:internal',
      'white_paper:read',
      'white_paper:edit',
      'financing:read',
      'training:read',
    ],
    manages: [],
  },
  district_officer: {
    scope: 'district',
    orgKinds: ['district'],
    permissions: [
      'sanction:read',
      'fund:read',
      'fund:review',
      'org:read',
      'org:write',
      'user:read',
      'user:write',
      'token:read',
      'token:write',
      'enterprise:read',
      'enterprise:write',
      'project:read',
      'project:write',
      'file:upload',
      'registry:read',
      'registry:write',
      'record:confirm',
      'selection:read',
      'selection:recommend',
      'indicator:read',
      'report:read',
      'report:enter',
      'report:approve',
      'vuln:read',
      'asset:read',
      'asset:write',
      'finding:read',
      'finding:verify',
      'finding:accept_risk',
      'handle:read',
      'network:read',
      'demand:read',
      'demand:write',
      'dataset:internal',
      'financing:read',
      'training:read',
      'training:manage',
    ],
    manages: ['enterprise_user', 'provider_user'],
  },
  enterprise_user: {
    scope: 'organisation',
    orgKinds: ['enterprise'],
    permissions: [
      'org:read',
      'enterprise:read',
      'enterprise:write',
      'project:read',
      'project:write',
      'file:upload',
      'registry:read',
      'registry:write',
      'selection:read',
      'selection:apply',
      'vuln:read',
      'asset:read',
      'asset:write',
      'finding:read',
      'finding:update',
      'notice:respond',
      'handle:read',
      'handle:write',
      'network:read',
      'device:write',
      'demand:read',
      'demand:write',
      'fund:read',
      'fund:apply',
      'financing:read',
      'financing:request',
    ],
    manages: [],
  },
  provider_user: {
    scope: 'organisation',
    orgKinds: ['provider'],
    permissions: [
      'org:read',
      'project:read',
      'file:upload',
      'registry:read',
      'registry:write',
      'handle:read',
      'handle:write',
      // Operators keep their private networks; a service provider's user holds the same permissions
      // but the networks service refuses it (network.operators_only): operators are providers of type operator.
      'network:read',
      'network:write',
      'device:write',
      'solution:write',
      // Providers organise their own courses and events (issue #15 item 6).
      'training:read',
      'training:manage',
    ],
    manages: [],
  },
  expert: { scope: 'organisation', orgKinds: ['expert_pool'], permissions: ['org:read', 'file:upload', 'selection:review'], manages: [] },
  security_analyst: {
    scope: 'city',
    orgKinds: ['city'],
    permissions: [
      'org:read',
      'enterprise:read',
      'project:read',
      'registry:read',
      'indicator:read',
      'vuln:read',
      'vuln:manage',
      'asset:read',
      'asset:write',
      'finding:read',
      'finding:update',
      'finding:verify',
      'finding:accept_risk',
    ],
    manages: [],
  },
  auditor: {
    scope: 'city',
    orgKinds: ['city'],
    permissions: [
      'org:read',
      'user:read',
      'token:read',
      'audit:read',
      'sanction:read',
      'fund:read',
      'enterprise:read',
      'project:read',
      'registry:read',
      'selection:read',
      'indicator:read',
      'report:read',
      'vuln:read',
      'asset:read',
      'finding:read',
      'handle:read',
      'network:read',
      'demand:read',
      'dataset:internal',
      'white_paper:read',
      'financing:read',
      'training:read',
    ],
    manages: [],
  },
  bank_user: { scope: 'organisation', orgKinds: ['bank'], permissions: ['org:read', 'financing:read', 'financing:offer'], manages: [] },
};

/** Organisation kinds a role with `org:write` may create or edit. */
export const ORG_KINDS_WRITABLE_BY_SCOPE: Record<Scope, readonly OrgKind[]> = {
  city: ['district', 'enterprise', 'provider', 'expert_pool', 'bank'],
  district: ['enterprise', 'provider'],
  organisation: [],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_DEFINITIONS[role].permissions.includes(permission);
}
