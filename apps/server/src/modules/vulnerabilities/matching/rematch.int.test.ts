import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
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
import { testCreditCode, uploadAs, waitForJob } from '../../../../test/imports.js';
import { REFERENCE_DIR } from '../../../platform/paths.js';
import { vulnMatch } from '../asset.table.js';

const SINEMA = 'SINEMA Remote Connect Server';
type Reason = { kind: string; reason?: { code: string; params: Record<string, unknown> } };

// #13 item 3: not-affected verdicts are stored with their reasons, and re-matching keeps analysts' decisions.
describe('stored verdicts and decisions through a re-match', () => {
  let ctx: TestContext;
  let analyst: Session;
  let ent: Session;

  const createAsset = async (body: Record<string, unknown>) => {
    const res = await ent.request('POST', '/api/security/assets', { zone: 'OT', criticality: 'high', vendor: 'Siemens', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const matchesOf = async (assetId: string) =>
    (await analyst.request('GET', `/api/security/matches?pageSize=100&assetId=${assetId}`)).json().items as Array<{
      id: string;
      verdict: string;
      reviewVerdict: string | null;
      reviewNote: string | null;
      reasons: Reason[];
    }>;
  const rematch = async () => {
    const started = await analyst.request('POST', '/api/security/rematch');
    expect(started.statusCode, started.body).toBe(202);
    expect((await waitForJob(analyst, started.json().id)).status).toBe('succeeded');
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    const enterpriseId = (await insertEnterprise(ctx, hp.id, '黄埔运动控制有限公司', testCreditCode(913, '91440112'))).id;
    await insertUser(ctx, 'rematch.analyst', 'security_analyst', city.id);
    await insertUser(ctx, 'rematch.ent', 'enterprise_user', enterpriseId);
    analyst = await login(ctx, 'rematch.analyst');
    ent = await login(ctx, 'rematch.ent');
    const file = 'icsa-24-256-01.json';
    const res = await uploadAs(ctx, analyst, '/api/security/advisories/csaf', file, readFileSync(join(REFERENCE_DIR, 'csaf', file)));
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => ctx?.close());

  it('stores "checked, fixed" with its reasons; a product never recognised leaves no row', async () => {
    const fixed = await createAsset({ product: SINEMA, firmwareVersion: 'V3.2 SP2' });
    const [m] = await matchesOf(fixed.id);
    expect(m?.verdict).toBe('not_affected');
    const codes = m?.reasons.map((r) => r.reason?.code);
    expect(codes).toContain('matching.vendor_exact');
    expect(codes).toContain('matching.version_outside');
    expect((await analyst.request('GET', '/api/security/matches?verdict=not_affected')).json().total).toBe(1);
    const unknown = await createAsset({ product: 'SIMATIC Field PG M6' });
    expect(await matchesOf(unknown.id)).toEqual([]);
    // Not affected opens no finding.
    expect((await ent.request('GET', '/api/security/findings')).json().total).toBe(0);
  });

  it('keeps an analyst decision when the matcher’s verdict changes, and a decided match it no longer produces', async () => {
    const unreadable = await createAsset({ product: SINEMA, firmwareVersion: '现场未记录' });
    const [pending] = await matchesOf(unreadable.id);
    expect(pending?.verdict).toBe('needs_review');
    const decided = await analyst.request('POST', `/api/security/matches/${pending?.id}/review`, {
      verdict: 'not_affected',
      note: '现场确认已升级至 V3.2 SP2',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    // What an older matcher stored: another verdict for the same asset, and a decided match of a product it no longer recognises.
    await ctx.database.db
      .update(vulnMatch)
      .set({ verdict: 'affected' })
      .where(eq(vulnMatch.id, pending?.id as string));
    const other = await createAsset({ product: 'SCALANCE W700' });
    const [kept] = await ctx.database.db
      .select()
      .from(vulnMatch)
      .where(eq(vulnMatch.id, pending?.id as string));
    await ctx.database.db.insert(vulnMatch).values({
      ...(kept as typeof vulnMatch.$inferSelect),
      id: undefined as unknown as string,
      assetId: other.id,
      reviewVerdict: 'affected',
      reviewNote: '人工确认',
    });

    await rematch();

    const [again] = await matchesOf(unreadable.id);
    expect(again).toMatchObject({ verdict: 'needs_review', reviewVerdict: 'not_affected', reviewNote: '现场确认已升级至 V3.2 SP2' });
    const [stale] = await matchesOf(other.id);
    expect(stale?.reviewVerdict).toBe('affected');
    // The decision "not affected" stands: no finding for the unreadable asset.
    const findings = (await ent.request('GET', `/api/security/findings?assetId=${unreadable.id}`)).json();
    expect(findings.total).toBe(0);
  });

  it('a changed asset is judged afresh: the old review no longer answers it', async () => {
    const asset = await createAsset({ product: SINEMA, firmwareVersion: '版本不详' });
    const [pending] = await matchesOf(asset.id);
    await analyst.request('POST', `/api/security/matches/${pending?.id}/review`, { verdict: 'not_affected' });
    const current = (await ent.request('GET', `/api/security/assets/${asset.id}`)).json();
    const upgraded = await ent.request('PATCH', `/api/security/assets/${asset.id}`, { version: current.version, firmwareVersion: 'V3.1' });
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    const [now] = await matchesOf(asset.id);
    expect(now).toMatchObject({ verdict: 'affected', reviewVerdict: null });
  });
});
