import { insertEnterprise, insertUser, login, orgByDivision, type Session, type TestContext } from './harness.js';

/**
 * The people of a selection round: a city administrator, an enterprise in Huangpu and one in Tianhe
 * (黄埔<name> and 天河<name>, one user each), both districts' officers, and experts in a pool — named
 * `<prefix>.admin`, `.e1`, `.e2`, `.hp`, `.th` and `<prefix>.<expert>`, all logged in.
 */
export async function selectionPeople(ctx: TestContext, prefix: string, experts: readonly string[], name = '标杆企业') {
  const city = await orgByDivision(ctx, '440100');
  const huangpu = await orgByDivision(ctx, '440112');
  const tianhe = await orgByDivision(ctx, '440106');
  const pool = await ctx.database.pool.query(
    "INSERT INTO organisation (kind, parent_id, name) VALUES ('expert_pool', $1, '专家库') RETURNING id",
    [city.id],
  );
  const e1 = await insertEnterprise(ctx, huangpu.id, `黄埔${name}`, '91440112MA59B7XH31');
  const e2 = await insertEnterprise(ctx, tianhe.id, `天河${name}`, '91440106MA5CXK0T1K');
  const ids: Record<string, string> = { e1: e1.id, e2: e2.id, huangpu: huangpu.id, tianhe: tianhe.id };
  const users = [`${prefix}.admin`, `${prefix}.e1`, `${prefix}.e2`, `${prefix}.hp`, `${prefix}.th`];
  await insertUser(ctx, `${prefix}.admin`, 'city_admin', city.id);
  await insertUser(ctx, `${prefix}.e1`, 'enterprise_user', e1.id);
  await insertUser(ctx, `${prefix}.e2`, 'enterprise_user', e2.id);
  await insertUser(ctx, `${prefix}.hp`, 'district_officer', huangpu.id);
  await insertUser(ctx, `${prefix}.th`, 'district_officer', tianhe.id);
  for (const expert of experts) {
    const username = `${prefix}.${expert}`;
    ids[username] = (await insertUser(ctx, username, 'expert', pool.rows[0].id)).id;
    users.push(username);
  }
  const sessions: Record<string, Session> = {};
  for (const username of users) sessions[username] = await login(ctx, username);
  return { ids, sessions, users };
}
