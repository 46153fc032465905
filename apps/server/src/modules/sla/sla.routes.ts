import { API } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { readUploadedFile } from '../../platform/tabular/http.js';
import type { SlaProfileService } from './profile.service.js';
import type { SlaResultService } from './result.service.js';
import type { NetworkSlaService } from './sla.service.js';

export function registerSlaRoutes(
  app: FastifyInstance,
  profiles: SlaProfileService,
  networks: NetworkSlaService,
  results: SlaResultService,
) {
  serveEndpoint(app, API.listSlaProfiles, async (q) => profiles.list(actorOf(q)));
  serveEndpoint(app, API.createSlaProfile, async (q) => profiles.create(actorOf(q), q.body));
  serveEndpoint(app, API.updateSlaProfile, async (q) => profiles.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.getNetworkSla, async (q) => networks.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.setNetworkSlaProfile, async (q) => networks.setProfile(actorOf(q), q.params.id, q.body.profileId));
  // The file is read only after the caller was authorized for the network.
  serveEndpoint(app, API.uploadSlaMeasurements, async (q) =>
    networks.upload(actorOf(q), q.params.id, q.query, () => readUploadedFile(q as unknown as FastifyRequest)),
  );
  serveEndpoint(app, API.deleteSlaMeasurements, async (q) => networks.deleteSet(actorOf(q), q.params.id));
  serveEndpoint(app, API.computeSlaResult, async (q) => results.compute(actorOf(q), q.params.id, q.body.period));
  serveEndpoint(app, API.listSlaResults, async (q) => results.list(actorOf(q), q.query));
  serveEndpoint(app, API.getSlaResult, async (q) => results.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.signOffSlaResult, async (q) => results.signOff(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.getSlaReportHtml, async (q, reply) => {
    const { body } = await results.report(actorOf(q), q.params.id, 'html');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(body);
  });
  serveEndpoint(app, API.downloadSlaReportPdf, async (q, reply) => {
    const { body, fileName } = await results.report(actorOf(q), q.params.id, 'pdf');
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(body);
  });
}
