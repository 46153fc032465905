import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Schedules } from '../../platform/jobs/schedules.js';
import { registerDatasetRoutes } from './dataset.routes.js';
import { createDatasetService, type DatasetServiceDeps } from './dataset.service.js';
import { createOpenDataService } from './open-data/open-data.service.js';
import type { Site } from './open-data/published.js';

export { loadDatasetDemo } from './dataset.demo.js';
export type { DatasetService } from './dataset.service.js';

/** How often the catalogue checks its sources for changed data and regenerates distributions. */
const REFRESH_INTERVAL_MS = 15 * 60_000;

const SITE_TITLE = { zh: '穗联 · 广州市“5G+工业互联网”公共服务平台', en: 'Suilian, Guangzhou 5G + Industrial Internet platform' };
const PUBLISHER = '广州市工业和信息化局';

/**
 * The dataset catalogue with open data (数据目录, issue #16 item 3): datasets over the platform's own
 * data and uploaded statistics, their CSV / JSON / XLSX distributions, and the public side (portal,
 * CKAN Action API, DCAT-AP catalogue).
 */
export function createDatasetsModule(deps: DatasetServiceDeps & { publicUrl: string | undefined }) {
  const service = createDatasetService(deps);
  const openData = createOpenDataService({ db: deps.db, clock: deps.clock, ensureDistributions: (r) => service.refresh(r, false) });
  const siteOf = (request: FastifyRequest): Site => ({
    baseUrl: (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, ''),
    title: SITE_TITLE,
    publisher: PUBLISHER,
  });
  return {
    service,
    openData,
    registerRoutes: (app: FastifyInstance) => registerDatasetRoutes(app, { datasets: service, openData, siteOf }),
    schedule: (schedules: Pick<Schedules, 'every'>) =>
      schedules.every('datasets.refresh', REFRESH_INTERVAL_MS, async () => {
        await service.refreshAll();
      }),
  };
}
