import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness.js';
import { registerErrorHandling } from './error-handler.js';

// Issue #11 item 7: error logs carry no user data values. A failed query's message quotes its
// parameters (Drizzle: "Failed query: … params: …"); the log line names the SQL state instead.
describe('error logs hold no values a request sent (#11 item 7)', () => {
  let ctx: TestContext;
  const SECRET = '13800138000-张三-secret';
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  async function logsOf(route: (db: TestContext['database']['db']) => Promise<unknown>) {
    const lines: string[] = [];
    const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } });
    registerErrorHandling(app);
    app.get('/x', async () => route(ctx.database.db));
    const res = await app.inject({ method: 'GET', url: '/x' });
    await app.close();
    return { res, log: lines.join('\n'), entries: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
  }

  it('logs a 500 from a failed query by its SQL state, without the parameters or the message', async () => {
    const { res, log, entries } = await logsOf((db) => db.execute(sql`SELECT * FROM no_such_table WHERE name = ${SECRET}`));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(SECRET);
    const line = entries.find((e) => e.msg === 'unhandled error');
    expect(line).toMatchObject({ level: 50, database: { sqlstate: '42P01' }, err: { message: 'database error 42P01' } });
    expect((line?.err as { stack?: string } | undefined)?.stack).toMatch(/^\s+at /);
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain('params');
  });

  it('logs a refused value (4xx) by its condition only', async () => {
    const { res, log, entries } = await logsOf((db) => db.execute(sql`SELECT ${`张三 ${SECRET}`}::int`));
    expect(res.statusCode).toBe(400);
    expect(entries.find((e) => e.msg === 'request refused by the database')).toMatchObject({ database: { sqlstate: '22P02' } });
    expect(log).not.toContain(SECRET);
  });

  it('still logs the code’s own faults whole', async () => {
    const { res, entries } = await logsOf(async () => {
      throw new Error('a bug in the code');
    });
    expect(res.statusCode).toBe(500);
    expect(entries.find((e) => e.msg === 'unhandled error')).toMatchObject({ err: { message: 'a bug in the code' } });
  });
});
