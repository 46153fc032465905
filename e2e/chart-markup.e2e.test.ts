// Issue #11 item 4: no markup through chart tooltips. A district renamed to carry an <img onerror>
// is shown as text in the map tooltips of the anonymous public dashboard and of 安全态势: no element
// is created and no script runs. The name is restored afterwards.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSession, type Session } from './support/browser';
import { type ApiSession, apiSession, loginInBrowser } from './support/reporting';

const MARKUP = '<img src=x onerror=window.__pwned=1>';

/** Moves the mouse over a grid of the chart until its tooltip shows `text`; returns the tooltip's HTML. */
async function hoverUntilTooltip(page: Page, chart: Locator, text: string): Promise<string> {
  // The map may sit below the fold: mouse coordinates outside the viewport reach nothing.
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart has no box');
  for (let y = 0.12; y < 0.98; y += 0.03)
    for (let x = 0.05; x < 0.98; x += 0.03) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      const shown = await chart.evaluate((el, wanted) => {
        const tip = [...el.querySelectorAll('div')].find((d) => d.style.position === 'absolute' && (d.textContent ?? '').includes(wanted));
        return tip ? tip.innerHTML : null;
      }, text);
      if (shown) return shown;
    }
  const dump = await chart.evaluate((el) => el.innerHTML.replace(/<canvas[^>]*>/g, '<canvas>').slice(0, 1500));
  throw new Error(`no tooltip with ${text}: ${dump}`);
}

// The escaping itself is covered by apps/web/src/shared/charts/markup.test.ts.
describe('chart tooltips show names as text (#11 item 4)', () => {
  const baseURL = inject('baseURL');
  const admin = inject('accounts').find((a) => a.role === 'city_admin');
  let browser: Browser;
  let city: ApiSession;
  const sessions: Session[] = [];
  let district: { id: string; name: string; version: number };

  beforeAll(async () => {
    if (!admin) throw new Error('no city admin among the demo accounts');
    browser = await launchChromium();
    city = await apiSession(baseURL, admin);
    // A district the 安全态势 map has figures for (it names only those), renamed with markup.
    const stats = (await (await city.api.get('/api/security/stats')).json()) as {
      exposureByDistrict: Array<{ divisionCode: string | null; name: string }>;
    };
    // Large districts first (从化, 增城, 花都, 番禺, 白云, 黄埔): easy to hover on the schematic.
    const codes = new Set(stats.exposureByDistrict.map((r) => r.divisionCode));
    const code = ['440117', '440118', '440114', '440113', '440111', '440112'].find((c) => codes.has(c));
    const districts = (await (await city.api.get('/api/organisations?kind=district&pageSize=200')).json()) as {
      items: Array<{ id: string; name: string; version: number; divisionCode: string | null }>;
    };
    const found = districts.items.find((d) => d.divisionCode === code);
    if (!found) throw new Error(`no district ${code}`);
    district = found;
    const renamed = await city.api.patch(`/api/organisations/${district.id}`, {
      headers: city.headers,
      data: { version: district.version, name: `${district.name}${MARKUP}` },
    });
    expect(renamed.status(), await renamed.text()).toBe(200);
    district.version = ((await renamed.json()) as { version: number }).version;
  });

  afterAll(async () => {
    if (district && city) {
      const restored = await city.api.patch(`/api/organisations/${district.id}`, {
        headers: city.headers,
        data: { version: district.version, name: district.name },
      });
      expect(restored.status(), await restored.text()).toBe(200);
    }
    await city?.api.dispose();
    await browser?.close();
    expect(sessions.flatMap((s) => s.pageErrors)).toEqual([]);
  });

  async function expectInert(page: Page, chart: Locator) {
    const tooltip = await hoverUntilTooltip(page, chart, `${district.name}<img`);
    expect(tooltip).toContain(`${district.name}&lt;img`);
    expect(await chart.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  }

  it('on the anonymous public dashboard', async () => {
    const tab = await openSession(browser, baseURL);
    sessions.push(tab);
    await tab.page.goto('/public/dashboard');
    const map = tab.page.getByTestId('dashboard-map');
    await map.locator('canvas').first().waitFor();
    await expectInert(tab.page, map);
  });

  it('on 安全态势 (the security posture map)', async () => {
    if (!admin) throw new Error('no city admin');
    const tab = await openSession(browser, baseURL);
    sessions.push(tab);
    await loginInBrowser(tab.page, admin);
    await tab.page.goto('/security/posture');
    const map = tab.page.getByTestId('posture-map');
    await map.locator('canvas').first().waitFor();
    await expectInert(tab.page, map);
  });
});
