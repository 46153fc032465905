import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../../test/harness.js';
import { manualClock } from '../../../platform/clock.js';

// Issue #4 item 4: 报送配置 — data elements, data sets and validation rules as data, changed only by
// the city (report:configure), read by district officers, never leaving stored data inconsistent.
describe('reporting configuration', () => {
  const clock = manualClock(new Date('2026-02-03T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let analyst: Session;
  let officer: Session;
  let auditor: Session;
  const base = '/api/reporting/config';
  const element = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    nameZh: `测试${code}`,
    nameEn: `Test ${code}`,
    valueType: 'integer',
    aggregation: 'LAST',
    unit: '个',
    ...extra,
  });
  const dataSet = (code: string, elements: string[], extra: Record<string, unknown> = {}) => ({
    code,
    nameZh: '测试报表',
    nameEn: 'Test report',
    periodType: 'quarterly',
    openFuturePeriods: 0,
    expiryDays: 30,
    inputWindow: null,
    sections: [{ name: '第一部分', elements }],
    ...extra,
  });
  const rule = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    dataSet: 'TEST_QUARTERLY',
    nameZh: '甲不少于乙',
    nameEn: 'A at least B',
    left: '#{TEST_A}',
    operator: 'greater_than_or_equal_to',
    right: '#{TEST_B}',
    strategy: 'SKIP_IF_ANY_VALUE_MISSING',
    importance: 'high',
    ...extra,
  });

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    await insertUser(ctx, 'c.admin', 'city_admin', city.id);
    await insertUser(ctx, 'c.analyst', 'city_analyst', city.id);
    await insertUser(ctx, 'c.auditor', 'auditor', city.id);
    await insertUser(ctx, 'c.hp', 'district_officer', huangpu.id);
    [admin, analyst, auditor, officer] = (await Promise.all(['c.admin', 'c.analyst', 'c.auditor', 'c.hp'].map((u) => login(ctx, u)))) as [
      Session,
      Session,
      Session,
      Session,
    ];
  });
  afterAll(() => ctx.close());

  it('lets a city admin create elements, a data set and a rule, each audited', async () => {
    for (const code of ['TEST_A', 'TEST_B', 'TEST_NOTE']) {
      const res = await admin.request('POST', `${base}/data-elements`, element(code, code === 'TEST_NOTE' ? { valueType: 'text' } : {}));
      expect(res.statusCode, res.body).toBe(201);
    }
    const set = await admin.request(
      'POST',
      `${base}/data-sets`,
      dataSet('TEST_QUARTERLY', ['TEST_A', 'TEST_B', 'TEST_NOTE'], { inputWindow: { openAfterDays: 1, closeAfterDays: 20 } }),
    );
    expect(set.statusCode, set.body).toBe(201);
    expect(set.json()).toMatchObject({
      code: 'TEST_QUARTERLY',
      sections: [{ name: '第一部分', elements: ['TEST_A', 'TEST_B', 'TEST_NOTE'] }],
      inputWindow: { openAfterDays: 1, closeAfterDays: 20 },
      ruleCount: 0,
      formCount: 0,
    });
    const created = await admin.request('POST', `${base}/validation-rules`, rule('TEST_A_GE_B'));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'TEST_A_GE_B', importance: 'high', operator: 'greater_than_or_equal_to' });
    const { rows } = await ctx.database.pool.query("SELECT action, entity_id FROM audit_log WHERE action LIKE 'report.%' ORDER BY seq");
    expect(rows.map((r) => `${r.action} ${r.entity_id}`)).toEqual([
      'report.element_create TEST_A',
      'report.element_create TEST_B',
      'report.element_create TEST_NOTE',
      'report.data_set_create TEST_QUARTERLY',
      'report.rule_create TEST_A_GE_B',
    ]);
  });

  it('refuses a malformed expression with the parser’s message naming the side', async () => {
    const res = await admin.request('POST', `${base}/validation-rules`, rule('TEST_BAD', { left: '#{TEST_A} +' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues).toEqual([
      {
        field: 'left',
        rule: 'syntax',
        message: 'at 11: expected a value but found end of input',
        reason: { code: 'formula.unexpected_end', params: { position: 12 } },
      },
    ]);
    expect(res.json().error.message).toBe('left: at 11: expected a value but found end of input');
  });

  it('refuses unknown elements, elements outside the data set, text elements and an unknown data set', async () => {
    const unknown = await admin.request('POST', `${base}/validation-rules`, rule('TEST_BAD', { right: '#{NO_SUCH} + #{BS5G_TOTAL}' }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.issues).toMatchObject([
      { field: 'right', rule: 'unknown_reference', message: 'at 0: unknown data element NO_SUCH' },
      {
        field: 'right',
        rule: 'not_in_data_set',
        message: 'at 13: data element BS5G_TOTAL is not in data set TEST_QUARTERLY; add it to the data set first',
      },
    ]);
    const text = await admin.request('POST', `${base}/validation-rules`, rule('TEST_BAD', { left: '#{TEST_NOTE}' }));
    expect(text.json().error.details.issues[0]).toMatchObject({ field: 'left', rule: 'value_type' });
    const set = await admin.request('POST', `${base}/validation-rules`, rule('TEST_BAD', { dataSet: 'NO_SET' }));
    expect(set.json().error.details.issues[0]).toMatchObject({ field: 'dataSet', rule: 'unknown_reference' });
    const op = await admin.request('POST', `${base}/validation-rules`, rule('TEST_BAD', { operator: 'about' }));
    expect(op.statusCode).toBe(422);
    expect((await admin.request('GET', `${base}/validation-rules?dataSet=TEST_QUARTERLY`)).json()).toHaveLength(1);
  });

  it('refuses duplicates, unknown members and inverted windows with the field named', async () => {
    const dup = await admin.request('POST', `${base}/data-elements`, element('TEST_A'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.issues[0]).toMatchObject({ field: 'code', rule: 'unique' });
    const badCode = await admin.request('POST', `${base}/data-elements`, element('bad code'));
    expect(badCode.statusCode).toBe(422);
    const members = await admin.request('POST', `${base}/data-sets`, dataSet('TEST_OTHER', ['TEST_A', 'NOPE', 'TEST_A']));
    expect(members.statusCode).toBe(422);
    expect(members.json().error.details.issues).toEqual([
      { field: 'sections.0.elements.1', rule: 'unknown_reference', message: 'unknown data element NOPE' },
      { field: 'sections.0.elements.2', rule: 'duplicate', message: 'data element TEST_A is in the data set twice' },
    ]);
    const window = await admin.request(
      'POST',
      `${base}/data-sets`,
      dataSet('TEST_OTHER', ['TEST_A'], { inputWindow: { openAfterDays: 10, closeAfterDays: 2 } }),
    );
    expect(window.statusCode).toBe(422);
  });

  it('keeps stored data consistent: elements with values are not deleted or retyped, but can be renamed', async () => {
    const huangpu = await orgByDivision(ctx, '440112');
    await ctx.database.pool.query(
      "INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ('TEST_A', '2025Q4', $1, '7', 'seed', now())",
      [huangpu.id],
    );
    const del = await admin.request('DELETE', `${base}/data-elements/TEST_A`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toBe('TEST_A has 1 stored values and cannot be deleted; rename it or stop collecting it instead');
    const retype = await admin.request('PUT', `${base}/data-elements/TEST_A`, {
      ...element('TEST_A', { valueType: 'number' }),
      code: undefined,
    });
    expect(retype.statusCode).toBe(409);
    expect(retype.json().error.details.issues[0]).toMatchObject({ field: 'valueType', rule: 'in_use' });
    const { code: _, ...renamed } = element('TEST_A', { nameZh: '甲（新名）' });
    const rename = await admin.request('PUT', `${base}/data-elements/TEST_A`, renamed);
    expect(rename.statusCode, rename.body).toBe(200);
    expect(rename.json()).toMatchObject({ nameZh: '甲（新名）', valueCount: 1, dataSets: ['TEST_QUARTERLY'] });
    const inSet = await admin.request('DELETE', `${base}/data-elements/TEST_NOTE`);
    expect(inSet.json().error.message).toBe('TEST_NOTE is in data sets TEST_QUARTERLY; remove it from them first');
  });

  it('does not drop an element a rule uses, nor change the period type of a data set with forms', async () => {
    const { code: _, ...update } = dataSet('TEST_QUARTERLY', ['TEST_A', 'TEST_NOTE']);
    const drop = await admin.request('PUT', `${base}/data-sets/TEST_QUARTERLY`, update);
    expect(drop.statusCode).toBe(409);
    expect(drop.json().error.message).toBe('sections: validation rule TEST_A_GE_B uses TEST_B; change or delete the rule first');
    const monthly = await admin.request('PUT', `${base}/data-sets/TEST_QUARTERLY`, {
      ...dataSet('TEST_QUARTERLY', ['TEST_A', 'TEST_B', 'TEST_NOTE'], { periodType: 'monthly' }),
      code: undefined,
    });
    expect(monthly.statusCode).toBe(409);
    expect(monthly.json().error.details.issues[0]).toMatchObject({ field: 'periodType', rule: 'in_use' });
    const { code: __, ...reordered } = dataSet('TEST_QUARTERLY', ['TEST_B', 'TEST_A'], { expiryDays: 45 });
    const ok = await admin.request('PUT', `${base}/data-sets/TEST_QUARTERLY`, reordered);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ expiryDays: 45, sections: [{ elements: ['TEST_B', 'TEST_A'] }], ruleCount: 1, formCount: 1 });
    const del = await admin.request('DELETE', `${base}/data-sets/TEST_QUARTERLY`);
    expect(del.statusCode).toBe(409);
  });

  it('updates and deletes a rule; deleting an unused element works', async () => {
    const { code: _, ...update } = rule('TEST_A_GE_B', { operator: 'compulsory_pair', importance: 'low' });
    const res = await admin.request('PUT', `${base}/validation-rules/TEST_A_GE_B`, update);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ operator: 'compulsory_pair', importance: 'low' });
    expect((await admin.request('DELETE', `${base}/validation-rules/TEST_A_GE_B`)).statusCode).toBe(204);
    expect((await admin.request('DELETE', `${base}/data-elements/TEST_NOTE`)).statusCode).toBe(204);
    expect((await admin.request('DELETE', `${base}/validation-rules/TEST_A_GE_B`)).statusCode).toBe(404);
  });

  it('does not delete an element an indicator reads (named counter or formula)', async () => {
    expect((await admin.request('POST', `${base}/data-elements`, element('TEST_IND'))).statusCode).toBe(201);
    await ctx.database.pool.query("UPDATE indicator SET counter = 'last:TEST_IND' WHERE code = 'T-INF-1'");
    const res = await admin.request('DELETE', `${base}/data-elements/TEST_IND`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.issues[0]).toMatchObject({
      field: 'code',
      rule: 'in_indicator',
      message: 'TEST_IND is read by indicators T-INF-1',
    });
    await ctx.database.pool.query("UPDATE indicator SET counter = 'last:BS5G_TOTAL' WHERE code = 'T-INF-1'");
    expect((await admin.request('DELETE', `${base}/data-elements/TEST_IND`)).statusCode).toBe(204);
  });

  it('keeps the configuration from users outside reporting', async () => {
    const e = await insertEnterprise(ctx, (await orgByDivision(ctx, '440112')).id, '配置企业', '91440112MA59B7XH31');
    await insertUser(ctx, 'c.ent', 'enterprise_user', e.id);
    const ent = await login(ctx, 'c.ent');
    for (const path of ['data-elements', 'data-sets', 'validation-rules'])
      expect((await ent.request('GET', `${base}/${path}`)).statusCode).toBe(403);
    expect((await ent.request('POST', `${base}/data-elements`, element('TEST_Y'))).statusCode).toBe(403);
  });

  it('lets district officers, analysts and auditors read but not change the configuration', async () => {
    for (const reader of [officer, analyst, auditor]) {
      const elements = await reader.request('GET', `${base}/data-elements`);
      expect(elements.statusCode).toBe(200);
      expect(elements.json().map((e: { code: string }) => e.code)).toContain('BS5G_TOTAL');
      expect((await reader.request('GET', `${base}/data-sets`)).statusCode).toBe(200);
      const rules = await reader.request('GET', `${base}/validation-rules?dataSet=DISTRICT_MONTHLY`);
      expect(rules.json().map((r: { code: string }) => r.code)).toContain('BS5G_NEVER_FALLS');
      expect((await reader.request('POST', `${base}/data-elements`, element('TEST_X'))).statusCode).toBe(403);
      expect((await reader.request('PUT', `${base}/validation-rules/BS5G_NEVER_FALLS`, rule('X', { code: undefined }))).statusCode).toBe(
        403,
      );
      expect((await reader.request('DELETE', `${base}/data-sets/DISTRICT_MONTHLY`)).statusCode).toBe(403);
    }
  });
});
