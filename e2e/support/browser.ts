import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { freshCode, needsNewRecoveryCodes, renewRecoveryCodes, totpSecretFor } from './two-factor';

/** Debian's Chromium; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console warnings from the response checks (`[contract] …`): the API differs from the contracts. */
  contractWarnings: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
}

/** A fresh browser context (own cookies and localStorage) in Chinese, desktop size. */
export async function openSession(browser: Browser, baseURL: string): Promise<Session> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  // CI machines are shared and slower than a workstation: waits are generous, never what a test asserts.
  context.setDefaultTimeout(45_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  const contractWarnings: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().startsWith('[contract]')) contractWarnings.push(msg.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return { context, page, contractWarnings, pageErrors };
}

/**
 * Fills the login form and submits it (the page must show /login). For an account with a known TOTP
 * secret (demo accounts enrolled at seed time) it then enters a code the server has not seen yet
 * (codes work once), renewing the recovery codes when that code was one of the last.
 */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const secret = totpSecretFor(username);
  if (!secret) return;
  const code = page.getByTestId('login-code');
  // A wrong password never reaches the code step: only wait for it when the password was accepted.
  const step = await Promise.race([
    code.waitFor({ timeout: 15_000 }).then(() => 'code' as const),
    page
      .getByTestId('login-error')
      .waitFor({ timeout: 15_000 })
      .then(() => 'error' as const),
  ]).catch(() => 'none' as const);
  if (step !== 'code') return;
  const answer = freshCode(username, secret);
  await code.fill(answer.code);
  const verified = page.waitForResponse((r) => r.url().endsWith('/api/auth/second-factor') && r.request().method() === 'POST');
  await page.getByTestId('login-code-submit').click();
  if (!needsNewRecoveryCodes(answer)) return;
  const res = await verified;
  if (res.status() !== 200) return;
  // The page's own cookie jar: the request runs in the logged-in session.
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  await renewRecoveryCodes(page.request, username, csrfToken, password);
}

/** Opens the login page, logs in and waits until the console has left /login. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Opens an antd Select by its test id and picks the option with this text (typing it first if asked). */
export async function pickOption(page: Page, testId: string, option: string, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  if (search !== undefined) await page.keyboard.type(search);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const item = dropdown.locator('.ant-select-item-option', { hasText: option }).first();
  // A click that lands while antd's list is still sliding open can be lost (seen in CI after a busy
  // file: the list stayed open with nothing picked). Check that the pick took — the list closed
  // (single select) or the option is marked selected (multiple) — and click again if not.
  const closed = page.locator('.ant-select-dropdown:visible').first();
  const picked = page.locator('.ant-select-dropdown:visible .ant-select-item-option-selected', { hasText: option }).first();
  for (let attempt = 1; ; attempt++) {
    await item.click();
    const took = await Promise.any([closed.waitFor({ state: 'hidden', timeout: 5_000 }), picked.waitFor({ timeout: 5_000 })]).then(
      () => true,
      () => false,
    );
    if (took) return;
    if (attempt === 3) throw new Error(`pickOption: '${option}' was clicked three times in ${testId} and never picked`);
  }
}

/**
 * Closes the one-time secret modal and waits until it is gone. A click that lands while the modal's
 * zoom-in is still running can be lost (seen once in CI: the dialog stayed open for 45 s), so it
 * clicks again until the dialog has closed.
 */
export async function closeOneTimeSecret(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('one-time-close') });
  for (let attempt = 0; attempt < 10; attempt++) {
    if (!(await dialog.isVisible())) return;
    await page
      .getByTestId('one-time-close')
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await dialog.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
  }
  await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
}
