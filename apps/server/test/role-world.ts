import { ROLES, type Role } from '@suilian/contracts';
import { insertBank, insertEnterprise, insertUser, login, orgByDivision, type Session, type TestContext } from './harness.js';

/** Where each role's account lives in a role world. */
const ACCOUNT_ORG: Record<Role, 'city' | 'district' | 'enterprise' | 'provider' | 'pool' | 'bank'> = {
  city_admin: 'city',
  city_analyst: 'city',
  security_analyst: 'city',
  auditor: 'city',
  district_officer: 'district',
  enterprise_user: 'enterprise',
  provider_user: 'provider',
  expert: 'pool',
  bank_user: 'bank',
};

export interface RoleWorld {
  sessions: Record<Role, Session>;
  usernames: Record<Role, string>;
}

/**
 * One logged-in account per role (天河 for the district, an enterprise and a provider in it, an
 * expert pool), for tests that walk every endpoint as every role. `tag` names the organisations
 * and prefixes the usernames so several worlds can share a database.
 */
export async function createRoleWorld(ctx: TestContext, tag: { name: string; user: string }): Promise<RoleWorld> {
  const city = await orgByDivision(ctx, '440100');
  const district = await orgByDivision(ctx, '440106');
  const enterprise = await insertEnterprise(ctx, district.id, `${tag.name}企业`, '914403001922038216');
  const provider = await insertEnterprise(ctx, district.id, `${tag.name}服务商`, '91440101MA59UQXX10', 'provider');
  const pool = await ctx.database.pool.query(
    "INSERT INTO organisation (kind, parent_id, name) VALUES ('expert_pool', $1, $2) RETURNING id",
    [city.id, `${tag.name}专家库`],
  );
  const bank = await insertBank(ctx, `${tag.name}银行`);
  const orgs = {
    city: city.id,
    district: district.id,
    enterprise: enterprise.id,
    provider: provider.id,
    pool: pool.rows[0].id,
    bank: bank.id,
  };
  const world = { sessions: {}, usernames: {} } as RoleWorld;
  for (const role of ROLES) {
    const user = await insertUser(ctx, `${tag.user}.${role.replace(/_/g, '-')}`, role, orgs[ACCOUNT_ORG[role]]);
    world.usernames[role] = user.username;
    world.sessions[role] = await login(ctx, user.username);
  }
  return world;
}
