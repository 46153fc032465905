import { type Access, ALL_ENDPOINTS, accessAllows, type Endpoint, ROLE_DEFINITIONS, ROLES } from '@suilian/contracts';

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const YES = '✓';

function describeAccess(access: Access): string {
  if (access === 'public') return 'anyone';
  if (access === 'authenticated') return 'logged in';
  return (typeof access === 'string' ? [access] : access).map((p) => `\`${p}\``).join(' or ');
}

function row(endpoint: Endpoint): string {
  const cells = [
    `\`${endpoint.name}\``,
    `${endpoint.method} \`${endpoint.path}\``,
    describeAccess(endpoint.access),
    ...ROLES.map((role) => (accessAllows(endpoint.access, ROLE_DEFINITIONS[role].permissions) ? YES : '')),
    endpoint.access === 'public' ? YES : '',
  ];
  return `| ${cells.join(' | ')} |`;
}

const byPathThenMethod = (a: Endpoint, b: Endpoint) =>
  a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method) || a.name.localeCompare(b.name);

/**
 * docs/api/authorization.md: for every endpoint of the catalogue (packages/contracts), which roles
 * hold its access, and whether anonymous callers may use it. Scope (which records) is the policies'
 * business and is not in this table.
 */
export function renderAuthorizationTable(): string {
  const groups = new Map<string, Endpoint[]>();
  for (const endpoint of ALL_ENDPOINTS) {
    const tag = endpoint.tags[0] ?? 'other';
    groups.set(tag, [...(groups.get(tag) ?? []), endpoint]);
  }
  const header = `| Endpoint | Route | Access | ${ROLES.map((r) => `\`${r}\``).join(' | ')} | anonymous |`;
  const rule = `| ${['---', '---', '---', ...ROLES.map(() => ':-:'), ':-:'].join(' | ')} |`;
  const lines = [
    '# Authorization table',
    '',
    '<!-- Generated from packages/contracts (ALL_ENDPOINTS × ROLE_DEFINITIONS) by `npm run openapi`; do not edit. -->',
    '',
    `Who may call each of the ${ALL_ENDPOINTS.length} endpoints of the catalogue (ADR 0011): ${YES} where the role`,
    "holds the endpoint's access (a permission, any of several, any logged-in account, or anyone).",
    'Every other caller gets 403 (401 without a login). Which records a caller reaches is decided by the',
    "policies' scope rules (city, district, organisation) and is not shown here.",
  ];
  for (const tag of [...groups.keys()].sort()) {
    lines.push('', `## ${tag}`, '', header, rule, ...(groups.get(tag) ?? []).sort(byPathThenMethod).map(row));
  }
  return `${lines.join('\n')}\n`;
}
