import { API } from '@suilian/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { readUploadedFile } from '../../platform/tabular/http.js';
import type { DatasetService, DistributionFile } from './dataset.service.js';
import { ckanHelp } from './open-data/ckan.js';
import { CkanNotFound, type OpenDataService } from './open-data/open-data.service.js';
import type { Site } from './open-data/published.js';

/** The open-data endpoints are anonymous: limited per client address like the other public endpoints. */
const PUBLIC_RATE = { max: 60, timeWindow: 60_000 };
const rateLimited = { config: { rateLimit: PUBLIC_RATE } };

function sendFile(reply: FastifyReply, file: DistributionFile) {
  return reply
    .header('content-type', file.mediaType === 'text/csv' ? 'text/csv; charset=utf-8' : file.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

export interface DatasetRouteDeps {
  datasets: DatasetService;
  openData: OpenDataService;
  /** The site as the open-data documents name it: the configured public URL, else the request's origin. */
  siteOf: (request: FastifyRequest) => Site;
}

/** The catalogue's console endpoints and its open-data ones (portal, CKAN Action API, DCAT-AP). */
export function registerDatasetRoutes(app: FastifyInstance, { datasets, openData, siteOf }: DatasetRouteDeps) {
  serveEndpoint(app, API.listDatasets, async (q) => datasets.list(actorOf(q), q.query));
  serveEndpoint(app, API.getDataset, async (q) => datasets.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.createDataset, async (q) => datasets.create(actorOf(q), q.body));
  serveEndpoint(app, API.updateDataset, async (q) => datasets.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.uploadDatasetTable, async (q) =>
    datasets.uploadTable(actorOf(q), q.params.id, await readUploadedFile(q as unknown as FastifyRequest)),
  );
  serveEndpoint(app, API.regenerateDatasetDistributions, async (q) => datasets.regenerate(actorOf(q), q.params.id));
  serveEndpoint(app, API.downloadDatasetDistribution, async (q, reply) =>
    sendFile(reply, await datasets.download(actorOf(q), q.params.id, q.params.format)),
  );
  serveEndpoint(app, API.listDatasetRows, async (q) => datasets.rows(actorOf(q), q.params.id, q.query));

  serveEndpoint(app, API.listPublicDatasets, async (q) => openData.listPublic(q.query), rateLimited);
  serveEndpoint(
    app,
    API.downloadPublicDistribution,
    async (q, reply) => sendFile(reply, await datasets.publicDownload(q.params.code, q.params.format)),
    rateLimited,
  );
  serveEndpoint(
    app,
    API.ckanPackageList,
    async (q) => ({
      help: ckanHelp(siteOf(q as unknown as FastifyRequest), 'package_list'),
      success: true as const,
      result: await openData.packageList(q.query.limit, q.query.offset),
    }),
    rateLimited,
  );
  serveEndpoint(
    app,
    API.ckanPackageShow,
    async (q, reply) => {
      const site = siteOf(q as unknown as FastifyRequest);
      const help = ckanHelp(site, 'package_show');
      try {
        return { help, success: true as const, result: await openData.packageShow(site, q.query.id) };
      } catch (error) {
        if (!(error instanceof CkanNotFound)) throw error;
        // CKAN's own error shape, which also carries the platform's envelope fields (code, requestId).
        return reply.status(404).send({
          help,
          success: false,
          error: { __type: 'Not Found Error', message: 'Not found', code: 'NOT_FOUND', requestId: q.id },
        });
      }
    },
    rateLimited,
  );
  serveEndpoint(
    app,
    API.ckanPackageSearch,
    async (q) => {
      const site = siteOf(q as unknown as FastifyRequest);
      const result = await openData.packageSearch(site, q.query.q, q.query.rows, q.query.start);
      return { help: ckanHelp(site, 'package_search'), success: true as const, result };
    },
    rateLimited,
  );
  serveEndpoint(
    app,
    API.getDcatCatalogJsonLd,
    async (q, reply) =>
      reply
        .header('content-type', 'application/ld+json; charset=utf-8')
        .send(await openData.catalog(siteOf(q as unknown as FastifyRequest), 'jsonld')),
    rateLimited,
  );
  serveEndpoint(
    app,
    API.getDcatCatalogTurtle,
    async (q, reply) =>
      reply
        .header('content-type', 'text/turtle; charset=utf-8')
        .send(await openData.catalog(siteOf(q as unknown as FastifyRequest), 'ttl')),
    rateLimited,
  );
}
