import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import type { WhitePaperService } from './white-paper.service.js';

export function registerWhitePaperRoutes(app: FastifyInstance, service: WhitePaperService) {
  serveEndpoint(app, API.listWhitePapers, async (q) => service.list(actorOf(q), q.query));
  serveEndpoint(app, API.createWhitePaper, async (q) => service.create(actorOf(q), q.body));
  serveEndpoint(app, API.getWhitePaper, async (q) => service.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.updateWhitePaperChapter, async (q) => service.updateChapter(actorOf(q), q.params.id, q.params.chapter, q.body));
  serveEndpoint(app, API.refreshWhitePaper, async (q) => service.refresh(actorOf(q), q.params.id));
  serveEndpoint(app, API.submitWhitePaper, async (q) => service.submit(actorOf(q), q.params.id));
  serveEndpoint(app, API.returnWhitePaper, async (q) => service.returnToDraft(actorOf(q), q.params.id, q.body.comment));
  serveEndpoint(app, API.publishWhitePaper, async (q) => service.publish(actorOf(q), q.params.id));
  serveEndpoint(app, API.getWhitePaperHtml, async (q, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(await service.html(actorOf(q), q.params.id)),
  );
  // The portal: published editions only, anonymous, their kept HTML and PDF.
  serveEndpoint(app, API.listPublishedWhitePapers, async () => service.listPublished());
  serveEndpoint(app, API.getPublishedWhitePaper, async (q) => service.getPublished(q.params.slug));
  serveEndpoint(app, API.getPublishedWhitePaperHtml, async (q, reply) =>
    reply.type('text/html; charset=utf-8').send(await service.publishedHtml(q.params.slug)),
  );
  serveEndpoint(app, API.downloadPublishedWhitePaperPdf, async (q, reply) => {
    const { pdf, filename } = await service.publishedPdf(q.params.slug);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
  });
}
