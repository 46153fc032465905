import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DashboardQuerySchema, DashboardSchema, PublicDashboardQuerySchema, PublicDashboardSchema } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import { REFERENCE_DIR } from '../../platform/paths.js';
import { sendWorkbook } from '../../platform/tabular/http.js';
import { dashboardWorkbook } from './dashboard.export.js';
import type { DashboardService } from './dashboard.service.js';

/** Anonymous callers share the public dashboard; it aggregates over every record, so it is rate-limited. */
const PUBLIC_RATE = { max: 30, timeWindow: 60_000 };

/** The district boundaries (schematic, MIT-licensed; see reference/SOURCE.md), keyed by GB/T 2260 code. */
const GEOJSON = 'guangzhou-districts.geojson';
const LICENCE = 'guangzhou-districts.LICENSE';

export function registerDashboardRoutes(app: FastifyInstance, dashboard: DashboardService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboard'];
  r.get('/api/dashboard', {
    schema: { tags, querystring: DashboardQuerySchema, response: { 200: DashboardSchema } },
    handler: async (q) => dashboard.dashboard(actorOf(q), q.query),
  });
  r.get('/api/dashboard/export', {
    schema: { tags, querystring: DashboardQuerySchema },
    handler: async (q, reply) => {
      const d = await dashboard.dashboard(actorOf(q), q.query);
      return sendWorkbook(reply, `驾驶舱-${d.asOf}.xlsx`, await dashboardWorkbook(d));
    },
  });
  r.get('/api/public/dashboard', {
    config: { auth: 'public', rateLimit: PUBLIC_RATE },
    schema: { tags, querystring: PublicDashboardQuerySchema, response: { 200: PublicDashboardSchema } },
    handler: async (q) => dashboard.publicDashboard(q.query),
  });

  // Read once, on first use: the map is the same for everybody and never changes while running.
  const files = new Map<string, Promise<Buffer>>();
  const file = (name: string) => {
    const content = files.get(name) ?? readFile(join(REFERENCE_DIR, name));
    files.set(name, content);
    return content;
  };
  app.get(`/api/reference/${GEOJSON}`, { config: { auth: 'public' }, schema: { tags } }, async (_q, reply) =>
    reply
      .type('application/geo+json')
      .header('cache-control', 'public, max-age=86400')
      .header('link', `</api/reference/${LICENCE}>; rel="license"`)
      .send(await file(GEOJSON)),
  );
  app.get(`/api/reference/${LICENCE}`, { config: { auth: 'public' }, schema: { tags } }, async (_q, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(await file(LICENCE)),
  );
}
