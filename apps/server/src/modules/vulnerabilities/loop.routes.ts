import {
  API,
  type AssetExportQuery,
  AssetInputSchema,
  AssetListQuerySchema,
  AssetSchema,
  FindingDetailSchema,
  FindingListQuerySchema,
  FindingSchema,
  FindingTransitionSchema,
  IdParamsSchema,
  JobSchema,
  ListQuerySchema,
  MatchListQuerySchema,
  MatchReviewSchema,
  MatchSchema,
  NoticeInputSchema,
  NoticeListQuerySchema,
  NoticeResponseSchema,
  NoticeSchema,
  pageOf,
  ScanImportQuerySchema,
  ScanSchema,
  SlaPolicySchema,
  UpdateAssetSchema,
  UpdateNoticeSchema,
  VulnStatsQuerySchema,
  VulnStatsSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { readUploadedFile, registerImportExportRoutes, type TabularImporter } from '../../platform/tabular/http.js';
import type { AssetService } from './assets/asset.service.js';
import type { FindingService } from './findings/finding.service.js';
import type { MatchingService } from './matching/matching.service.js';
import type { NoticeService } from './notices/notice.service.js';
import type { ScanService } from './scans/scan.service.js';
import type { StatsService } from './stats/stats.service.js';

export interface LoopServices {
  assets: AssetService;
  assetImporter: TabularImporter<AssetExportQuery>;
  matching: MatchingService;
  findings: FindingService;
  scans: ScanService;
  notices: NoticeService;
  stats: StatsService;
  sweep: (actor: Actor) => Promise<{ escalated: number; reopened: number }>;
}

/** Assets, matches, findings, scans, notices and statistics: the closed loop (issue #5 items 3–8). */
export function registerLoopRoutes(app: FastifyInstance, s: LoopServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['security'];
  const base = '/api/security';

  registerImportExportRoutes(app, {
    endpoints: { template: API.downloadAssetTemplate, import: API.importAssets, export: API.exportAssets },
    templateName: '资产导入模板.xlsx',
    exportName: '资产清单.xlsx',
    importer: s.assetImporter,
  });
  r.get(`${base}/assets`, {
    schema: { tags, querystring: AssetListQuerySchema, response: { 200: pageOf(AssetSchema) } },
    handler: async (q) => s.assets.list(actorOf(q), q.query),
  });
  r.post(`${base}/assets`, {
    schema: { tags, body: AssetInputSchema, response: { 201: AssetSchema }, description: 'Creates the asset and matches it at once.' },
    handler: async (q, reply) => reply.status(201).send(await s.assets.create(actorOf(q), q.body)),
  });
  r.get(`${base}/assets/:id`, {
    schema: { tags, params: IdParamsSchema, response: { 200: AssetSchema } },
    handler: async (q) => s.assets.get(actorOf(q), q.params.id),
  });
  r.patch(`${base}/assets/:id`, {
    schema: {
      tags,
      params: IdParamsSchema,
      body: UpdateAssetSchema,
      response: { 200: AssetSchema },
      description: 'A changed vendor, product, model or version re-matches the asset.',
    },
    handler: async (q) => s.assets.update(actorOf(q), q.params.id, q.body),
  });
  r.delete(`${base}/assets/:id`, {
    schema: { tags, params: IdParamsSchema },
    handler: async (q, reply) => {
      await s.assets.remove(actorOf(q), q.params.id);
      return reply.status(204).send();
    },
  });

  r.get(`${base}/matches`, {
    schema: {
      tags,
      querystring: MatchListQuerySchema,
      response: { 200: pageOf(MatchSchema) },
      description: 'verdict=needs_review&reviewed=false lists what analysts still have to decide.',
    },
    handler: async (q) => s.matching.list(actorOf(q), q.query),
  });
  r.post(`${base}/matches/:id/review`, {
    schema: { tags, params: IdParamsSchema, body: MatchReviewSchema, response: { 200: MatchSchema } },
    handler: async (q) => s.matching.review(actorOf(q), q.params.id, q.body),
  });
  r.post(`${base}/rematch`, {
    schema: { tags, response: { 202: JobSchema }, description: 'A full re-match of every asset as a job (result: RematchResult).' },
    handler: async (q, reply) => reply.status(202).send(await s.matching.startRematch(actorOf(q))),
  });

  r.get(`${base}/findings`, {
    schema: { tags, querystring: FindingListQuerySchema, response: { 200: pageOf(FindingSchema) } },
    handler: async (q) => s.findings.list(actorOf(q), q.query),
  });
  r.get(`${base}/findings/:id`, {
    schema: { tags, params: IdParamsSchema, response: { 200: FindingDetailSchema } },
    handler: async (q) => s.findings.get(actorOf(q), q.params.id),
  });
  r.post(`${base}/findings/:id/transitions`, {
    schema: { tags, params: IdParamsSchema, body: FindingTransitionSchema, response: { 200: FindingDetailSchema } },
    handler: async (q) => s.findings.transition(actorOf(q), q.params.id, q.body),
  });
  r.get(`${base}/sla`, {
    schema: { tags, response: { 200: SlaPolicySchema }, description: 'Days to remediate by grade.' },
    handler: async (q) => s.findings.sla(actorOf(q)),
  });
  r.put(`${base}/sla`, {
    schema: { tags, body: SlaPolicySchema, response: { 200: SlaPolicySchema } },
    handler: async (q) => s.findings.setSla(actorOf(q), q.body),
  });

  r.post(`${base}/sla/sweep`, {
    schema: {
      tags,
      response: { 200: z.object({ escalated: z.number().int(), reopened: z.number().int() }) },
      description: 'Runs the hourly SLA sweep now: escalates overdue findings once per due date, reopens expired risk acceptances.',
    },
    handler: async (q) => s.sweep(actorOf(q)),
  });
  r.get(`${base}/scans`, {
    schema: { tags, querystring: ListQuerySchema.pick({ page: true, pageSize: true }), response: { 200: pageOf(ScanSchema) } },
    handler: async (q) => s.scans.list(actorOf(q), q.query.page, q.query.pageSize),
  });
  r.post(`${base}/scans`, {
    schema: {
      tags,
      consumes: ['multipart/form-data'],
      querystring: ScanImportQuerySchema,
      response: { 201: ScanSchema },
      description:
        'A scan result file in a part named file: CSV with host, vendor, product, version (model optional; UTF-8 or GBK) or JSON {results:[{host,vendor,product,version,model?}]}. Reconciled against the previous scans of the same name: new, unchanged, closed (absent), reactivated.',
    },
    handler: async (q, reply) => reply.status(201).send(await s.scans.import(actorOf(q), q.query, () => readUploadedFile(q))),
  });

  r.get(`${base}/notices`, {
    schema: { tags, querystring: NoticeListQuerySchema, response: { 200: pageOf(NoticeSchema) } },
    handler: async (q) => s.notices.list(actorOf(q), q.query),
  });
  r.post(`${base}/notices`, {
    schema: { tags, body: NoticeInputSchema, response: { 201: NoticeSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.notices.create(actorOf(q), q.body)),
  });
  r.get(`${base}/notices/:id`, {
    schema: { tags, params: IdParamsSchema, response: { 200: NoticeSchema } },
    handler: async (q) => s.notices.get(actorOf(q), q.params.id),
  });
  r.patch(`${base}/notices/:id`, {
    schema: { tags, params: IdParamsSchema, body: UpdateNoticeSchema, response: { 200: NoticeSchema } },
    handler: async (q) => s.notices.update(actorOf(q), q.params.id, q.body),
  });
  r.post(`${base}/notices/:id/publish`, {
    schema: { tags, params: IdParamsSchema, body: z.object({ version: z.number().int() }).strict(), response: { 200: NoticeSchema } },
    handler: async (q) => s.notices.publish(actorOf(q), q.params.id, q.body.version),
  });
  r.post(`${base}/notices/:id/acknowledge`, {
    schema: { tags, params: IdParamsSchema, response: { 200: NoticeSchema } },
    handler: async (q) => s.notices.acknowledge(actorOf(q), q.params.id),
  });
  r.post(`${base}/notices/:id/response`, {
    schema: { tags, params: IdParamsSchema, body: NoticeResponseSchema, response: { 200: NoticeSchema } },
    handler: async (q) => s.notices.respond(actorOf(q), q.params.id, q.body),
  });
  r.get(`${base}/notices/:id/document`, {
    schema: { tags, params: IdParamsSchema, querystring: z.object({ format: z.enum(['html', 'pdf']).default('html') }).strict() },
    handler: async (q, reply) => {
      const doc = await s.notices.render(actorOf(q), q.params.id, q.query.format);
      return reply
        .type(q.query.format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8')
        .header(
          'content-disposition',
          `${q.query.format === 'pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
        )
        .send(doc.body);
    },
  });

  r.get(`${base}/stats`, {
    schema: { tags, querystring: VulnStatsQuerySchema, response: { 200: VulnStatsSchema } },
    handler: async (q) => s.stats.get(actorOf(q), q.query),
  });
}
