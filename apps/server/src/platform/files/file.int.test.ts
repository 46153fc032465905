import { CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  multipartFile,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../test/harness.js';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);

describe('file uploads', () => {
  let ctx: TestContext;
  let owner: Session;
  let stranger: Session;
  const upload = (session: Session, name: string, content: Buffer) => {
    const body = multipartFile(name, content);
    return ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      cookies: { [SESSION_COOKIE]: session.cookie },
      headers: { ...body.headers, [CSRF_HEADER]: session.csrf },
      payload: body.payload,
    });
  };
  beforeAll(async () => {
    ctx = await createTestApp();
    const tianhe = await orgByDivision(ctx, '440106');
    const huangpu = await orgByDivision(ctx, '440112');
    const e1 = await insertEnterprise(ctx, tianhe.id, '上传企业', '914403001922038216');
    const e2 = await insertEnterprise(ctx, huangpu.id, '别家企业', '9144030071526726XG');
    await insertUser(ctx, 'f.owner', 'enterprise_user', e1.id);
    await insertUser(ctx, 'f.stranger', 'enterprise_user', e2.id);
    owner = await login(ctx, 'f.owner');
    stranger = await login(ctx, 'f.stranger');
  });
  afterAll(() => ctx.close());

  it('stores a PDF by content hash and serves it back as an attachment', async () => {
    const res = await upload(owner, '验收报告.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ name: '验收报告.pdf', mediaType: 'application/pdf', size: PDF.length });
    const download = await owner.request('GET', `/api/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses an executable renamed .pdf and records nothing', async () => {
    const res = await upload(owner, 'report.pdf', ELF);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0]).toMatchObject({ field: 'file', rule: 'content' });
    const count = await ctx.database.pool.query("SELECT count(*)::int AS n FROM stored_file WHERE name = 'report.pdf'");
    expect(count.rows[0].n).toBe(0);
  });

  it('hides files of other organisations', async () => {
    const file = (await upload(owner, 'private.pdf', PDF)).json();
    const res = await stranger.request('GET', `/api/files/${file.id}`);
    expect(res.statusCode).toBe(404);
  });
});
