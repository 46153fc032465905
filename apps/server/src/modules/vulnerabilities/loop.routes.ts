import { API, type AssetExportQuery } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { readUploadedFile, registerImportExportRoutes, type TabularImporter } from '../../platform/tabular/http.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import type { AssetService } from './assets/asset.service.js';
import { findingExport, matchExport, noticeExport } from './exports.js';
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
  registerImportExportRoutes(app, {
    endpoints: { template: API.downloadAssetTemplate, import: API.importAssets, export: API.exportAssets },
    templateName: '资产导入模板.xlsx',
    exportName: '资产清单.xlsx',
    importer: s.assetImporter,
  });
  serveEndpoint(app, API.listAssets, async (q) => s.assets.list(actorOf(q), q.query));
  serveEndpoint(app, API.createAsset, async (q) => s.assets.create(actorOf(q), q.body));
  serveEndpoint(app, API.getAsset, async (q) => s.assets.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.updateAsset, async (q) => s.assets.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.deleteAsset, async (q) => {
    await s.assets.remove(actorOf(q), q.params.id);
    return undefined;
  });

  serveEndpoint(app, API.listMatches, async (q) => s.matching.list(actorOf(q), q.query));
  serveListExport(app, API.exportMatches, matchExport(s.matching));
  serveEndpoint(app, API.reviewMatch, async (q) => s.matching.review(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.reviewMatches, async (q) => s.matching.reviewMany(actorOf(q), q.body));
  serveEndpoint(app, API.startRematch, async (q) => s.matching.startRematch(actorOf(q)));

  serveEndpoint(app, API.listFindings, async (q) => s.findings.list(actorOf(q), q.query));
  serveListExport(app, API.exportFindings, findingExport(s.findings));
  serveEndpoint(app, API.getFinding, async (q) => s.findings.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.transitionFinding, async (q) => s.findings.transition(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.transitionFindings, async (q) => s.findings.transitionMany(actorOf(q), q.body));
  serveEndpoint(app, API.getSlaPolicy, async (q) => s.findings.sla(actorOf(q)));
  serveEndpoint(app, API.updateSlaPolicy, async (q) => s.findings.setSla(actorOf(q), q.body));
  serveEndpoint(app, API.runSlaSweep, async (q) => s.sweep(actorOf(q)));

  serveEndpoint(app, API.listScans, async (q) => s.scans.list(actorOf(q), q.query.page, q.query.pageSize));
  serveEndpoint(app, API.importScan, async (q) =>
    // The typed view of the request hides the multipart helpers; the upload reads the Fastify request.
    s.scans.import(actorOf(q), q.query, () => readUploadedFile(q as unknown as FastifyRequest)),
  );

  serveEndpoint(app, API.listNotices, async (q) => s.notices.list(actorOf(q), q.query));
  serveListExport(app, API.exportNotices, noticeExport(s.notices));
  serveEndpoint(app, API.createNotice, async (q) => s.notices.create(actorOf(q), q.body));
  serveEndpoint(app, API.getNotice, async (q) => s.notices.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.updateNotice, async (q) => s.notices.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.publishNotice, async (q) => s.notices.publish(actorOf(q), q.params.id, q.body.version));
  serveEndpoint(app, API.acknowledgeNotice, async (q) => s.notices.acknowledge(actorOf(q), q.params.id));
  serveEndpoint(app, API.respondToNotice, async (q) => s.notices.respond(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.downloadNoticeDocument, async (q, reply) => {
    const { format } = q.query;
    const doc = await s.notices.render(actorOf(q), q.params.id, format);
    return reply
      .type(format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8')
      .header('content-disposition', `${format === 'pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .send(doc.body);
  });

  serveEndpoint(app, API.getSecurityStats, async (q) => s.stats.get(actorOf(q), q.query));
}
