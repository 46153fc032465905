// Issue #6 (标识解析, requirement S1-3): an enterprise registers a product identifier from its
// template in the console; an anonymous visitor opens the public resolve page, sees the values and
// the QR code, and the QR code decodes to the resolver URL. Unknown handles are explained in words.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, login, openSession, pickOption, type Session } from './support/browser';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });
/** The demo enterprise's prefix and its cable template (GB/T 4754 C3831), loaded with the demo data. */
const PREFIX = '88.118.8';

/** Reads the QR code drawn on the canvas inside the test id and decodes it (on a white quiet zone). */
async function decodeQr(page: Page, testId: string): Promise<string | null> {
  const image = await page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const margin = 32;
      const copy = document.createElement('canvas');
      copy.width = canvas.width + 2 * margin;
      copy.height = canvas.height + 2 * margin;
      const ctx = copy.getContext('2d');
      if (!ctx) return null;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, copy.width, copy.height);
      ctx.drawImage(canvas, margin, margin);
      const { data, width, height } = ctx.getImageData(0, 0, copy.width, copy.height);
      return { data: Array.from(data), width, height };
    });
  if (!image) return null;
  return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data ?? null;
}

describe('identifier registration and public resolution (issue #6)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const enterprise = accounts.find((a) => a.username === 'demo.enterprise') ?? accounts.find((a) => a.role === 'enterprise_user');
  const admin = accounts.find((a) => a.role === 'city_admin');
  let browser: Browser;
  const sessions: Session[] = [];
  // Unique per run, so the test can run again against a kept database.
  const suffix = `E2E${Date.now().toString(36).toUpperCase()}`;
  const handle = `${PREFIX}/${suffix}`;
  const SERIAL = `SN-${suffix}`;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('lets the enterprise register a product identifier from its template', async () => {
    if (!enterprise) throw new Error('no demo enterprise user');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, enterprise.username, enterprise.password);
    await page.getByTestId('side-menu').getByText('标识管理').click();
    await page.waitForURL('**/identifiers/handles');
    await page.getByTestId('records-page').waitFor();

    await page.getByTestId('record-register').click();
    const drawer = page.getByTestId('register-drawer');
    await pickOption(page, 'register-prefix', PREFIX);
    await drawer.getByTestId('register-suffix').fill(suffix);
    // The prefix has one current template (电线电缆产品, C3831): it is chosen and its items become fields.
    await eventually(() => drawer.getByTestId('register-template').textContent()).toContain('C3831');
    await drawer.getByTestId('register-url').fill('https://example.com/cable/YJV-3x95');
    await drawer.getByLabel('产品名称').fill('交联聚乙烯绝缘电力电缆');
    await drawer.getByLabel('规格型号').fill('YJV-0.6/1kV-3×95');
    // The template's pattern ([A-Z]{2}\d{6}) is checked while typing, item by item.
    await drawer.getByLabel('生产批次').fill('ab12');
    await drawer.getByTestId('register-submit').click();
    await eventually(() => drawer.textContent()).toContain('格式不符合');
    await drawer.getByLabel('生产批次').fill('JX210602');
    await drawer.getByLabel('生产日期').click();
    await drawer.getByLabel('生产日期').fill('2026-06-02');
    await drawer.getByLabel('生产日期').press('Enter');
    await drawer.getByTestId('register-submit').click();

    // The new record opens with every value, its permissions and the QR code.
    const detail = page.getByTestId('record-drawer');
    await eventually(() => detail.textContent()).toContain(handle);
    await eventually(() => detail.getByTestId('handle-values').textContent()).toContain('JX210602');
    expect(await detail.getByTestId('handle-values').textContent()).toContain('IDIS_TEMPLATE');
    await eventually(() => detail.getByTestId('handle-qr').locator('canvas').count()).toBe(1);

    // A serial number only administrators may read: the four permission bits as check boxes, 1110 → 1100.
    await detail.getByTestId('record-edit').click();
    const editor = page.getByTestId('edit-record-drawer');
    await editor.getByTestId('values-add').click();
    const row = editor.getByTestId('values-editor').locator('tbody tr').last();
    await row.locator('input').nth(0).fill('3');
    await row.locator('input').nth(1).fill('SERIAL');
    await row.locator('input').nth(3).fill(SERIAL);
    await row.getByText('公开读').click();
    await editor.getByTestId('edit-record-submit').click();
    await editor.waitFor({ state: 'hidden' });
    await eventually(() => detail.getByTestId('handle-value-3').textContent()).toContain(SERIAL);
    expect(await detail.getByTestId('handle-value-3').getByTestId('perm-bits').textContent()).toBe('1100');
    expect(await detail.getByTestId('handle-value-3').textContent()).toContain('非公开');

    // The list shows it under the prefix.
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await eventually(() => page.getByTestId('records-table').textContent()).toContain(handle);

    // The Handle.Net API agrees (what any Handle client sees).
    const api = await request.newContext({ baseURL });
    const res = await api.get(`/api/handles/${handle}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { responseCode: number; handle: string; values: Array<{ type: string; data: { value: unknown } }> };
    expect(body.responseCode).toBe(1);
    expect(body.handle).toBe(handle);
    expect(body.values.find((v) => v.type === 'batchNo')?.data.value).toBe('JX210602');
    expect(body.values.some((v) => v.type === 'SERIAL')).toBe(false);
    await api.dispose();
  });

  it('shows an anonymous visitor the record and a QR code of the resolver URL, without logging in', async () => {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    // From the login page, as a visitor would find it.
    await page.goto('/login');
    await page.getByTestId('login-resolve-link').click();
    await page.waitForURL('**/resolve');
    // Reverse lookup by value, anonymously: the URL finds the handle; the non-public serial finds nothing.
    const reverse = page.locator('input[data-testid="public-reverse-value"], [data-testid="public-reverse-value"] input').first();
    await reverse.fill('https://example.com/cable/YJV-3x95');
    await reverse.press('Enter');
    await eventually(() => page.getByTestId('public-reverse-results').textContent()).toContain(handle);
    await reverse.fill(SERIAL);
    await reverse.press('Enter');
    await eventually(() => page.getByTestId('public-reverse-results').textContent()).toContain('没有标识带有这个值');
    await page.locator('input[data-testid="resolve-input"], [data-testid="resolve-input"] input').first().fill(handle);
    await page.getByTestId('resolve-submit').click();
    await page.waitForURL(`**/resolve/${handle}`);

    const record = page.getByTestId('resolve-record');
    await eventually(() => record.getByTestId('resolve-handle').textContent()).toBe(handle);
    // The template's labelled values come first (#12 item 7); the technical values are folded away.
    const values = record.getByTestId('resolve-labelled');
    await eventually(() => values.textContent()).toContain('交联聚乙烯绝缘电力电缆');
    expect(await values.textContent()).toContain('JX210602');
    // The template's labels come with the public view.
    await eventually(() => values.textContent()).toContain('生产批次');
    // The serial number is not public-read: anonymous visitors never get it, folded or not.
    await record.getByTestId('resolve-technical').getByRole('button').first().click();
    expect(await record.textContent()).not.toContain(SERIAL);
    expect(await record.getByTestId('resolve-follow').getAttribute('href')).toBe('https://example.com/cable/YJV-3x95');
    expect(await record.getByTestId('resolve-redirect').getAttribute('href')).toBe(`/api/handles/${handle}?redirect`);

    // The QR code is drawn and encodes the resolver URL of this handle.
    await eventually(() => record.getByTestId('handle-qr').locator('canvas').count()).toBe(1);
    const expected = `${baseURL}/resolve/${handle}`;
    await eventually(() => decodeQr(page, 'handle-qr')).toBe(expected);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'handle-resolve.png'), fullPage: true });

    // Following the QR code's URL opens the same page.
    await page.goto(expected);
    await eventually(() => page.getByTestId('resolve-handle').textContent()).toBe(handle);
  });

  it('registers a CSV batch with a result per row, and a retried upload counts identical records as done', async () => {
    if (!enterprise) throw new Error('no demo enterprise user');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, enterprise.username, enterprise.password);
    await page.goto('/identifiers/batch');
    await pickOption(page, 'batch-prefix', PREFIX);
    await pickOption(page, 'batch-template', 'C3831');
    const dir = mkdtempSync(join(tmpdir(), 'suilian-batch-'));
    const file = join(dir, 'cables.csv');
    writeFileSync(
      file,
      [
        '后缀,URL,productName,model,batchNo,madeOn',
        `${suffix}-B1,https://example.com/b1,矿物绝缘防火电缆,BTTZ-4×25,GZ260101,2026-01-01`,
        `${suffix}-B2,,铝合金导体电缆,YJLHV-3×120,GZ260102,2026-01-02`,
        `${suffix}-B3,,铝合金导体电缆,YJLHV-3×120,bad-batch,2026-01-03`,
      ].join('\n'),
    );
    const upload = async () => {
      await page.getByTestId('batch-page').locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('batch-result').waitFor();
    };
    await upload();
    const table = page.getByTestId('batch-result-table');
    await eventually(() => page.getByTestId('batch-result').textContent()).toMatch(/总数3成功2失败1/);
    const rows = table.locator('tbody tr');
    expect(await rows.nth(0).textContent()).toContain('成功');
    expect(await rows.nth(2).textContent()).toContain('校验不通过');
    expect(await rows.nth(2).textContent()).toContain('生产批次');

    // The same file again (a retry after a timeout): nothing is registered twice, identical rows are done.
    await upload();
    await eventually(() => rows.nth(0).textContent()).toContain('已存在（内容相同）');
    expect(await page.getByTestId('batch-result').textContent()).toMatch(/总数3成功2失败1/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the city delegate a derived prefix to an enterprise; enterprises see only their own prefixes', async () => {
    if (!admin || !enterprise) throw new Error('demo.admin or the demo enterprise user missing');
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, admin.username, admin.password);
    const api = await request.newContext({ baseURL, storageState: await session.context.storageState() });
    // The owner of another demo enterprise prefix (not the demo enterprise user's own company).
    const list = (await (await api.get('/api/identifiers/prefixes?pageSize=50')).json()) as {
      items: Array<{ prefix: string; ownerOrgName: string }>;
    };
    await api.dispose();
    const owner = list.items.find((p) => p.prefix === '88.118.12')?.ownerOrgName;
    if (!owner) throw new Error('no enterprise');
    const segment = String(Date.now() % 1_000_000);

    await page.goto('/identifiers/prefixes');
    await page.getByTestId('prefix-delegate').click();
    const drawer = page.getByTestId('delegate-drawer');
    await pickOption(page, 'delegate-parent', '88.118 ·');
    // RFC 3650: a segment holds no '.' or '/'.
    await drawer.getByTestId('delegate-segment').fill('9.9');
    await eventually(() => drawer.textContent()).toContain('不能包含 / 或 .');
    await drawer.getByTestId('delegate-segment').fill(segment);
    await eventually(() => drawer.textContent()).toContain(`将分配：88.118.${segment}`);
    // The parent's closing drop-down also lists the owner's name (88.118.12 · …): take the organisation option.
    await page.getByTestId('delegate-owner').click();
    await page.keyboard.type(owner.slice(0, 6));
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: owner, hasNotText: '88.118' })
      .first()
      .click();
    await drawer.getByTestId('delegate-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.getByTestId('prefixes-table').getByRole('row', { name: new RegExp(`88\\.118\\.${segment}`) });
    await eventually(() => row.textContent()).toContain(owner);

    // The enterprise user has no delegation and sees its own prefix only.
    const other = await openSession(browser, baseURL);
    sessions.push(other);
    await login(other.page, enterprise.username, enterprise.password);
    await other.page.goto('/identifiers/prefixes');
    await eventually(() => other.page.getByTestId('prefixes-table').textContent()).toContain(PREFIX);
    expect(await other.page.getByTestId('prefix-delegate').count()).toBe(0);
    expect(await other.page.getByTestId('prefixes-table').textContent()).not.toContain(`88.118.${segment}`);
  });

  it('explains a handle that does not exist with its Handle.Net response code', async () => {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await page.goto(`/resolve/${PREFIX}/NO-SUCH-${suffix}`);
    await eventually(() => page.getByTestId('resolve-code').textContent()).toBe('标识不存在');
    expect(await page.getByTestId('resolve-not-found').textContent()).toContain('100');
  });
});
