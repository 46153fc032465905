import { CREDIT_CODE_ALPHABET, CSRF_HEADER, creditCodeCheckChar, type ImportResult, type Job, SESSION_COOKIE } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import { multipartFile, type Session, type TestContext } from './harness.js';

/** POSTs one file as multipart/form-data with the session's cookie and CSRF header. */
export function uploadAs(ctx: TestContext, session: Session, url: string, name: string, content: Buffer) {
  const body = multipartFile(name, content);
  return ctx.app.inject({
    method: 'POST',
    url,
    cookies: { [SESSION_COOKIE]: session.cookie },
    headers: { ...body.headers, [CSRF_HEADER]: session.csrf },
    payload: body.payload,
  });
}

/** Follows a job until it has finished (the outcome, not the time, is what tests look at). */
export async function waitForJob(session: Session, jobId: string): Promise<Job & { result: ImportResult | null }> {
  for (let i = 0; i < 6000; i++) {
    const res = await session.request('GET', `/api/jobs/${jobId}`);
    if (res.statusCode !== 200) throw new Error(`GET /api/jobs/${jobId}: ${res.statusCode} ${res.body}`);
    const job = res.json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** Uploads, expects 202, and waits for the job. */
export async function importFile(ctx: TestContext, session: Session, url: string, name: string, content: Buffer) {
  const res = await uploadAs(ctx, session, url, name, content);
  if (res.statusCode !== 202) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return waitForJob(session, res.json().jobId);
}

/** A valid credit code (GB 32100-2015 check digit) numbered n under a Guangzhou-like prefix. */
export function testCreditCode(n: number, prefix = '91440101'): string {
  let body = '';
  for (let x = n, i = 0; i < 9; i++, x = Math.floor(x / 31)) body = (CREDIT_CODE_ALPHABET[x % 31] ?? '0') + body;
  const first17 = `${prefix}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A plain workbook: one sheet with a header row and data rows, as a user would type it. */
export async function plainWorkbook(sheet: string, headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
