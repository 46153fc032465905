import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { createAuditService } from '../../platform/audit/audit.service.js';
import { systemClock } from '../../platform/clock.js';
import { dataKeyringOf, generateDataKey } from '../../platform/crypto/data-keys.js';
import { createSealer } from '../../platform/crypto/sealed.js';
import { loadDemoData } from '../../seed/demo.js';

// Issue #16 item 1: the demo has a programme mid-way with applications in every state.
describe('special funds demo data (#16 item 1)', () => {
  let ctx: TestContext;
  let auditor: Session;
  beforeAll(async () => {
    ctx = await createTestApp();
    const db = ctx.database.db;
    const sealer = createSealer(() => dataKeyringOf([generateDataKey()]));
    await loadDemoData(db, { clock: systemClock, audit: createAuditService({ db, clock: systemClock }), sealer });
    const city = await orgByDivision(ctx, '440100');
    auditor = await login(ctx, (await insertUser(ctx, 'demo-funds.auditor', 'auditor', city.id)).username);
  });
  afterAll(() => ctx.close());

  it('has two programmes and applications from draft to disbursed, accounts only masked', async () => {
    const programmes = (await auditor.request('GET', '/api/funds/programmes')).json();
    expect(programmes.total).toBe(2);
    const list = (await auditor.request('GET', '/api/funds/applications?pageSize=50')).json();
    const states = new Set(list.items.map((a: { state: string }) => a.state));
    for (const state of ['draft', 'submitted', 'city_review', 'publicity', 'awarded', 'disbursed']) expect(states, state).toContain(state);
    const disbursed = list.items.find((a: { state: string }) => a.state === 'disbursed');
    const detail = await auditor.request('GET', `/api/funds/applications/${disbursed.id}`);
    expect(detail.json()).toMatchObject({
      disbursedAmount: disbursed.awardedAmount,
      bankAccountMasked: expect.stringMatching(/^\*{4}\d{4}$/),
    });
    expect(detail.json().decisions).toHaveLength(1);
  });
});
