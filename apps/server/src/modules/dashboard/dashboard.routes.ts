import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
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
  serveEndpoint(app, API.getDashboard, async (q) => dashboard.dashboard(actorOf(q), q.query));
  serveEndpoint(app, API.exportDashboard, async (q, reply) => {
    const d = await dashboard.dashboard(actorOf(q), q.query);
    return sendWorkbook(reply, `驾驶舱-${d.asOf}.xlsx`, await dashboardWorkbook(d));
  });
  serveEndpoint(app, API.getPublicDashboard, async (q) => dashboard.publicDashboard(q.query), { config: { rateLimit: PUBLIC_RATE } });

  // Read once, on first use: the map is the same for everybody and never changes while running.
  const files = new Map<string, Promise<Buffer>>();
  const file = (name: string) => {
    const content = files.get(name) ?? readFile(join(REFERENCE_DIR, name));
    files.set(name, content);
    return content;
  };
  serveEndpoint(app, API.getDistrictOutlines, async (_q, reply) =>
    reply
      .type('application/geo+json')
      .header('cache-control', 'public, max-age=86400')
      .header('link', `<${API.getDistrictOutlinesLicence.path}>; rel="license"`)
      .send(await file(GEOJSON)),
  );
  serveEndpoint(app, API.getDistrictOutlinesLicence, async (_q, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(await file(LICENCE)),
  );
}
