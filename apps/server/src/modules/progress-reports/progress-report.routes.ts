import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { ProgressReportService } from './progress-report.service.js';

export function registerProgressReportRoutes(app: FastifyInstance, service: ProgressReportService) {
  serveEndpoint(app, API.generateProgressReport, async (q) => service.generate(actorOf(q), q.body));
  serveEndpoint(app, API.listProgressReports, async (q) => service.list(actorOf(q), q.query));
  serveEndpoint(app, API.getProgressReport, async (q) => service.get(actorOf(q), q.params.id));
  // The kept HTML snapshot: printable (print CSS), shown in the console's preview frame.
  serveEndpoint(app, API.getProgressReportHtml, async (q, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(await service.html(actorOf(q), q.params.id)),
  );
  serveEndpoint(app, API.downloadProgressReportPdf, async (q, reply) => {
    const { pdf, filename } = await service.pdf(actorOf(q), q.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
}
