// Helpers for journeys through the district monthly report (定期报送): API sessions, logging in
// through the form, reopening last month's form for entry, and the base-station inputs.

import { type Page, request } from 'playwright-core';
import { expect } from 'vitest';
import { submitLogin } from './browser';
import { completeSecondFactor } from './two-factor';

export const FORM = '/api/reporting/forms/DISTRICT_MONTHLY';

export interface Login {
  username: string;
  password: string;
}

export interface FormBody {
  state: 'open' | 'completed' | 'approved' | 'accepted';
  entry: { open: boolean; reason?: string };
  version: number;
  cells: Array<{ element: string; value: string | null; history: Array<{ period: string; value: string | null }> }>;
}

/** A logged-in API client (cookie jar) with the CSRF header for writes. */
export async function apiSession(baseURL: string, login: Login) {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { username: login.username, password: login.password } });
  expect(res.status(), `login ${login.username}`).toBe(200);
  const me = (await res.json()) as { csrfToken: string; districtId: string | null };
  await completeSecondFactor(api, login.username, me, login.password);
  return { api, me, headers: { 'X-CSRF-Token': me.csrfToken } };
}
export type ApiSession = Awaited<ReturnType<typeof apiSession>>;

export async function loginInBrowser(page: Page, login: Login): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, login.username, login.password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** `YYYYMM` of last month. */
export function lastMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const numberInput = (page: Page, element: string) =>
  page.locator(`input[data-testid="input-${element}"], [data-testid="input-${element}"] input`).first();

/**
 * Brings a district's form back to open and open for entry, as the city: the demo may have it in the
 * workflow or past its deadline. Returns the form as it then reads.
 */
export async function reopenForEntry(city: ApiSession, period: string, orgUnit: string): Promise<FormBody> {
  const read = async () => (await (await city.api.get(`${FORM}/${period}?orgUnit=${orgUnit}`)).json()) as FormBody;
  let form = await read();
  const back: Record<string, string> = { accepted: 'unaccept', approved: 'unapprove', completed: 'uncomplete' };
  while (form.state !== 'open') {
    const res = await city.api.post(`${FORM}/${period}/actions`, {
      headers: city.headers,
      data: { orgUnit, action: back[form.state], version: form.version, comment: '端到端测试重新填报' },
    });
    expect(res.status(), await res.text()).toBe(200);
    form = await read();
  }
  if (!form.entry.open) {
    const expiresOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const res = await city.api.post('/api/reporting/lock-exceptions', {
      headers: city.headers,
      data: { dataSet: 'DISTRICT_MONTHLY', period, orgUnit, reason: '端到端测试补报', expiresOn },
    });
    expect(res.status(), await res.text()).toBe(201);
    form = await read();
  }
  expect(form.entry.open).toBe(true);
  return form;
}

/** Types the 5G base-station figures (total and its two categories, which must add up) into the open form. */
export async function fillBaseStations(page: Page, total: number): Promise<{ macro: number; small: number }> {
  const macro = Math.round(total * 0.7);
  const small = total - macro;
  for (const [element, value] of [
    ['BS5G_TOTAL', total],
    ['BS5G_MACRO', macro],
    ['BS5G_SMALL', small],
  ] as const) {
    const input = numberInput(page, element);
    await input.fill(String(value));
    await input.blur();
  }
  return { macro, small };
}
