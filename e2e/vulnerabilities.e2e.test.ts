// Issue #5 (工业行业漏洞库, requirement G-3): the security analyst uploads a CISA CSAF advisory and
// finds it in 漏洞库; the enterprise records a matching asset, sees the finding and takes it through
// remediation to fixed; the 黄埔 district officer (not the fixer) re-verifies and closes it; the
// analyst publishes an early-warning notice to the affected enterprises and the enterprise acknowledges it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, login, openSession, pickOption, type Session } from './support/browser';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const CSAF = join(import.meta.dirname, '..', 'apps/server/reference/csaf/icsa-24-256-01.json');
/** The advisory's one CVE: Siemens SINEMA Remote Connect Server before V3.2 SP2. */
const CVE = 'CVE-2024-42345';
const PRODUCT = 'SINEMA Remote Connect Server';
const REVISION = 'E2E 修订:补充处置建议';

/** Opens a page of the 安全 menu group by its label (closing any drawer first; the group opens when closed). */
async function openSecurityPage(page: Page, label: string, path: string): Promise<void> {
  const close = page.locator('.ant-drawer-open .ant-drawer-close');
  while ((await close.count()) > 0) {
    await close.last().click();
    await close
      .last()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  }
  const menu = page.getByTestId('side-menu');
  await menu.getByText('安全', { exact: true }).waitFor();
  const item = menu.getByText(label, { exact: true });
  if (!(await item.isVisible())) await menu.getByText('安全', { exact: true }).click();
  await item.click();
  await page.waitForURL(`**${path}`);
}

/** Opens the finding of the CVE on one asset (the link from 资产清单) and answers its drawer. */
async function openFinding(page: Page, findingsUrl: string) {
  await page.goto(findingsUrl);
  await page.getByTestId('finding-table').locator('tr.ant-table-row', { hasText: CVE }).first().click();
  const drawer = page.getByTestId('finding-drawer');
  await drawer.getByTestId('finding-steps').waitFor();
  return drawer;
}

/** Clicks a lifecycle action, fills its form through `fill`, submits, and waits for the new state. */
async function transition(page: Page, action: string, state: string, fill?: () => Promise<void>) {
  const drawer = page.getByTestId('finding-drawer');
  await drawer.getByTestId(`finding-action-${action}`).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  // A click during antd's opening zoom can be lost (the modal then never closes): wait it out.
  await expect.poll(() => page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').count()).toBe(0);
  if (fill) await fill();
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  // Either the modal closes (done) or it shows why the server refused: fail with that text.
  const refused = modal.getByTestId('api-error');
  await Promise.race([modal.waitFor({ state: 'hidden' }), refused.waitFor()]);
  if (await refused.isVisible()) throw new Error(`${action} refused: ${await refused.textContent()}`);
  await expect.poll(() => drawer.locator('[data-testid="finding-state"]').first().textContent(), { timeout: 15_000 }).toBe(state);
}

describe('vulnerability database, closed loop and notices (issue #5)', () => {
  const baseURL = inject('baseURL');
  const accounts = inject('accounts');
  const account = (username: string) => {
    const found = accounts.find((a) => a.username === username);
    if (!found) throw new Error(`no demo account ${username}`);
    return found;
  };
  let browser: Browser;
  const sessions: Session[] = [];
  let analyst: Page;
  let enterprise: Page;
  let enterpriseName = '';
  /** The findings of the asset the enterprise records (its 未关闭漏洞 link). */
  let findingsUrl = '';
  // Unique per run: the demo data has SINEMA installations and notices of its own.
  const suffix = Date.now().toString(36).toUpperCase();
  const HOST = `10.20.${suffix}`;
  const NOTICE = `关于 SINEMA Remote Connect Server 漏洞的预警通报 ${suffix}`;

  beforeAll(async () => {
    browser = await launchChromium();
    for (const username of ['demo.security', 'demo.enterprise']) {
      const session = await openSession(browser, baseURL);
      sessions.push(session);
      await login(session.page, username, account(username).password);
    }
    [analyst, enterprise] = sessions.map((s) => s.page) as [Page, Page];
    const me = (await (await enterprise.request.get('/api/auth/me')).json()) as { orgName: string };
    enterpriseName = me.orgName;
  });

  afterAll(async () => {
    await browser?.close();
    expect(sessions.flatMap((s) => s.contractWarnings)).toEqual([]);
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  it('lets the analyst upload a CSAF advisory and find it in 漏洞库', async () => {
    // The demo data holds version 1 of the advisory; a revision 2 updates it and keeps the history.
    const doc = JSON.parse(readFileSync(CSAF, 'utf8'));
    const tracking = doc.document.tracking;
    tracking.version = '2';
    tracking.current_release_date = '2024-10-01T00:00:00.000Z';
    tracking.revision_history.push({ date: tracking.current_release_date, number: '2', summary: REVISION });
    const dir = mkdtempSync(join(tmpdir(), 'suilian-csaf-'));
    const file = join(dir, 'icsa-24-256-01.json');
    writeFileSync(file, JSON.stringify(doc));
    try {
      await openSecurityPage(analyst, '漏洞库', '/security/vulnerabilities');
      const [chooser] = await Promise.all([analyst.waitForEvent('filechooser'), analyst.getByTestId('upload-csaf').click()]);
      await chooser.setFiles(file);
      await analyst.locator('.ant-message', { hasText: 'ICSA-24-256-01 版本 2' }).waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await analyst.getByTestId('vuln-filter-q').locator('input').fill(CVE);
    await analyst.getByTestId('vuln-filter-q').locator('input').press('Enter');
    const row = analyst.getByTestId('vuln-table').locator('tr.ant-table-row', { hasText: CVE });
    await row.click();
    const drawer = analyst.getByTestId('vuln-drawer');
    await drawer.getByTestId('vuln-scores').locator('code', { hasText: 'CVSS:' }).first().waitFor();
    await drawer.getByTestId('vuln-products').getByText(PRODUCT).first().waitFor();
    await drawer.getByTestId('vuln-sources').getByText('ICSA-24-256-01').waitFor();
    await drawer.getByTestId('advisory-revisions').getByText(REVISION).waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await analyst.screenshot({ path: join(SCREENSHOTS, 'vulnerability-detail.png') });
  });

  it('refuses an invalid CSAF file with the validator messages and takes a CNVD record by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suilian-csaf-'));
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, JSON.stringify({ document: { category: 'csaf_security_advisory', csaf_version: '2.0' } }));
    try {
      await openSecurityPage(analyst, '漏洞库', '/security/vulnerabilities');
      // The advisories tab lists ICSA-24-256-01 at the version just imported.
      await analyst.getByRole('tab', { name: '安全公告' }).click();
      const advisory = analyst.getByTestId('advisory-table').locator('tr.ant-table-row', { hasText: 'ICSA-24-256-01' });
      await expect.poll(() => advisory.locator('td').nth(1).textContent(), { timeout: 15_000 }).toBe('2');
      await analyst.getByRole('tab', { name: '漏洞' }).click();
      const [chooser] = await Promise.all([analyst.waitForEvent('filechooser'), analyst.getByTestId('upload-csaf').click()]);
      await chooser.setFiles(bad);
      const messages = analyst.getByTestId('validator-messages').locator('li');
      await messages.first().waitFor();
      expect(await messages.count()).toBeGreaterThan(0);
      await analyst.keyboard.press('Escape');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const id = `CNVD-2026-${String(Date.now() % 100_000).padStart(5, '0')}`;
    await analyst.getByTestId('manual-open').click();
    const form = analyst.getByTestId('manual-drawer');
    await form.getByTestId('manual-id').fill(id);
    await form.getByTestId('manual-title').fill('某国产 PLC 固件存在命令注入漏洞');
    await form.getByTestId('manual-description').fill('攻击者可通过 Web 管理界面注入命令。');
    await form.getByTestId('manual-published').click();
    await analyst.keyboard.type('2026-03-01');
    await analyst.keyboard.press('Enter');
    await form.getByPlaceholder('厂商').fill('和利时');
    await form.getByPlaceholder('产品').fill('LK 系列 PLC');
    await form.getByPlaceholder('按原文填写', { exact: false }).fill('<V2.1.0');
    await form.getByTestId('manual-submit').click();
    await analyst.locator('.ant-message', { hasText: id }).waitFor();
    await analyst.getByTestId('vuln-filter-q').locator('input').fill(id);
    await analyst.getByTestId('vuln-filter-q').locator('input').press('Enter');
    await analyst.getByTestId('vuln-table').locator('tr.ant-table-row', { hasText: id }).waitFor();
  });

  it('shows the enterprise a finding for its matching asset, which it remediates and marks fixed', async () => {
    await openSecurityPage(enterprise, '资产清单', '/security/assets');
    await enterprise.getByTestId('asset-create').click();
    const form = enterprise.getByTestId('asset-drawer');
    await form.getByTestId('asset-vendor').fill('西门子');
    await form.getByTestId('asset-product').fill(PRODUCT);
    await form.getByTestId('asset-firmwareVersion').fill('V3.1');
    await form.getByTestId('asset-host').fill(HOST);
    await form.getByTestId('asset-site').fill('黄埔一号车间');
    await form.getByTestId('asset-submit').click();
    // Saving matches the asset at once: its open findings link leads to the finding.
    await enterprise.getByTestId('asset-filter-q').locator('input').fill(HOST);
    await enterprise.getByTestId('asset-filter-q').locator('input').press('Enter');
    const row = enterprise.getByTestId('asset-table').locator('tr.ant-table-row', { hasText: HOST });
    await row.locator('a[href*="/security/findings?assetId="]').click();
    await enterprise.waitForURL('**/security/findings?assetId=*');
    findingsUrl = new URL(enterprise.url()).pathname + new URL(enterprise.url()).search;

    const drawer = await openFinding(enterprise, findingsUrl);
    await expect.poll(() => drawer.locator('[data-testid="finding-state"]').first().textContent()).toBe('新发现');
    await drawer.getByTestId('match-reasons').waitFor();
    await transition(enterprise, 'confirm', '已确认');
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await transition(enterprise, 'start_remediation', '修复中', async () => {
      await enterprise.getByTestId('transition-plan').fill('升级到 V3.2 SP2');
      await enterprise.getByTestId('transition-owner').fill('张工');
      await enterprise.getByTestId('transition-due').click();
      await enterprise.keyboard.type(due);
      await enterprise.keyboard.press('Enter');
    });
    await transition(enterprise, 'mark_fixed', '已修复待复验');
    // The enterprise may not re-verify (no finding:verify): the button is not offered.
    expect(await drawer.getByTestId('finding-action-verify').count()).toBe(0);
  });

  it('lets someone other than the fixer verify and close the finding', async () => {
    const session = await openSession(browser, baseURL);
    sessions.push(session);
    const { page } = session;
    await login(page, 'demo.huangpu', account('demo.huangpu').password);
    await openSecurityPage(page, '漏洞处置', '/security/findings');
    const drawer = await openFinding(page, findingsUrl);
    await expect.poll(() => drawer.locator('[data-testid="finding-state"]').first().textContent()).toBe('已修复待复验');
    await transition(page, 'verify', '复验关闭');
    await drawer.getByTestId('finding-timeline').getByText('黄埔区专员').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'finding-lifecycle.png') });
  });

  it('keeps verification from whoever fixed the finding, saying why', async () => {
    // The analyst reopens the closed finding, remediates and fixes it itself: it may not also verify.
    const drawer = await openFinding(analyst, findingsUrl.replace(/&?open=true/, ''));
    await transition(analyst, 'reopen', '重新打开', async () => {
      await analyst.getByTestId('transition-note').fill('复查发现仍为旧版本');
    });
    await transition(analyst, 'start_remediation', '修复中', async () => {
      await analyst.getByTestId('transition-plan').fill('再次升级');
      await analyst.getByTestId('transition-owner').fill('李工');
      await analyst.getByTestId('transition-due').click();
      await analyst.keyboard.type(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
      await analyst.keyboard.press('Enter');
    });
    await transition(analyst, 'mark_fixed', '已修复待复验');
    expect(await drawer.getByTestId('finding-action-verify').isDisabled()).toBe(true);
    await drawer.getByTestId('verify-blocked-reason').getByText('修复人以外').waitFor();
  });

  it('reconciles an enterprise scan upload and shows its counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suilian-scan-'));
    const csv = join(dir, 'scan.csv');
    writeFileSync(csv, `host,vendor,product,version\n10.30.${suffix},Siemens,${PRODUCT},V3.0\n`);
    try {
      await openSecurityPage(enterprise, '漏洞处置', '/security/findings');
      await enterprise.getByTestId('scan-open').click();
      await enterprise.getByTestId('scan-name').fill(`E2E ${suffix}`);
      const [chooser] = await Promise.all([enterprise.waitForEvent('filechooser'), enterprise.getByTestId('scan-file').click()]);
      await chooser.setFiles(csv);
      const result = enterprise.getByTestId('scan-result');
      await result.waitFor();
      expect(await result.getByTestId('scan-count-new').locator('.ant-statistic-content-value').textContent()).toBe('1');
      expect(await result.getByTestId('scan-count-closed').locator('.ant-statistic-content-value').textContent()).toBe('0');
      await enterprise.keyboard.press('Escape');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets the analyst publish a notice to the affected enterprise, which acknowledges it', async () => {
    await openSecurityPage(analyst, '预警通报', '/security/notices');
    await analyst.getByTestId('notice-create').click();
    const form = analyst.getByTestId('notice-form');
    await form.getByTestId('notice-title').fill(NOTICE);
    await pickOption(analyst, 'notice-vulns', CVE, CVE);
    await analyst.keyboard.press('Escape');
    await form.getByTestId('notice-summary').fill('SINEMA Remote Connect Server V3.2 SP2 之前的版本存在漏洞。');
    await form.getByTestId('notice-scope').fill('使用 SINEMA Remote Connect Server 的企业');
    await form.getByTestId('notice-mitigations').fill('升级到 V3.2 SP2 或更高版本。');
    await form.getByTestId('notice-save').click();

    const drawer = analyst.getByTestId('notice-drawer');
    await drawer.getByTestId('notice-recipients').getByText(enterpriseName).waitFor();
    await drawer.getByTestId('notice-publish').click();
    const [published] = await Promise.all([
      analyst.waitForResponse((r) => r.url().endsWith('/publish'), { timeout: 60_000 }),
      analyst.getByTestId('notice-publish-confirm').click(),
    ]);
    expect(published.status(), await published.text()).toBe(200);
    await expect.poll(() => drawer.getByTestId('notice-status').textContent(), { timeout: 15_000 }).toBe('已发布');

    await openSecurityPage(enterprise, '预警通报', '/security/notices');
    await enterprise.getByTestId('notice-table').locator('tr.ant-table-row', { hasText: NOTICE }).first().click();
    const mine = enterprise.getByTestId('notice-drawer');
    await mine.getByTestId('notice-acknowledge').click();
    await mine.getByTestId('notice-acknowledged').waitFor();
    await mine.getByTestId('notice-respond').click();
    await enterprise.getByTestId('notice-response-text').fill('已升级到 V3.2 SP2。');
    await enterprise.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await enterprise.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    await mine.getByTestId('notice-recipients').getByText('已升级到 V3.2 SP2。').waitFor();
    await enterprise.screenshot({ path: join(SCREENSHOTS, 'notice-acknowledged.png') });

    // The analyst sees the acknowledgement.
    await analyst.reload();
    await openSecurityPage(analyst, '预警通报', '/security/notices');
    await analyst.getByTestId('notice-table').locator('tr.ant-table-row', { hasText: NOTICE }).first().click();
    await expect
      .poll(() => drawer.getByTestId('notice-recipients').locator('tr.ant-table-row', { hasText: enterpriseName }).textContent(), {
        timeout: 15_000,
      })
      .toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('shows the analyst the security posture with the district map, and hides match review from enterprises', async () => {
    await openSecurityPage(analyst, '安全态势', '/security/posture');
    await analyst.getByTestId('posture-map').locator('canvas').waitFor();
    await analyst.getByTestId('posture-grade').locator('canvas').waitFor();
    await analyst.getByTestId('posture-products').locator('tr.ant-table-row').first().waitFor();
    await analyst.screenshot({ path: join(SCREENSHOTS, 'security-posture.png'), fullPage: true });
    await enterprise.getByTestId('side-menu').getByText('漏洞处置', { exact: true }).waitFor();
    expect(await enterprise.getByTestId('side-menu').getByText('匹配研判', { exact: true }).count()).toBe(0);
  });
});
