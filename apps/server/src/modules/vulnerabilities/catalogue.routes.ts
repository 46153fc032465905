import { API, MAX_ADVISORY_BYTES, MAX_CSAF_DIRECTORY_FILES } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { readUploadedFile, type UploadedFile } from '../../platform/tabular/http.js';
import type { AdvisoryService } from './advisory.service.js';
import type { CatalogueService } from './catalogue.service.js';

/** Every part of a multipart request is one file of the directory (each part may be named anything). */
async function readAllFiles(request: FastifyRequest): Promise<UploadedFile[]> {
  if (!request.isMultipart()) throw fieldError('VALIDATION_FAILED', 'files', 'multipart', 'send the files as multipart/form-data');
  const files: UploadedFile[] = [];
  for await (const part of request.files({ limits: { files: MAX_CSAF_DIRECTORY_FILES, fileSize: MAX_ADVISORY_BYTES + 1 } }))
    files.push({ name: part.filename, content: await part.toBuffer() });
  return files;
}

// The typed view of an endpoint's request hides the multipart helpers; uploads read the Fastify request.
const fastifyRequest = (request: unknown) => request as FastifyRequest;

/** The vulnerability database: advisories (CSAF, CVE, manual CNVD records), vulnerabilities, vendor aliases. */
export function registerCatalogueRoutes(app: FastifyInstance, s: { advisories: AdvisoryService; catalogue: CatalogueService }) {
  serveEndpoint(app, API.listVulnerabilities, async (q) => s.catalogue.listVulnerabilities(actorOf(q), q.query));
  serveEndpoint(app, API.getVulnerability, async (q) => s.catalogue.getVulnerability(actorOf(q), q.params.id));
  serveEndpoint(app, API.listAdvisories, async (q) => s.catalogue.listAdvisories(actorOf(q), q.query));
  serveEndpoint(app, API.getAdvisory, async (q) => s.catalogue.getAdvisory(actorOf(q), q.params.id));
  serveEndpoint(app, API.downloadAdvisoryDocument, async (q, reply) =>
    reply.send(await s.catalogue.advisoryDocument(actorOf(q), q.params.id)),
  );
  serveEndpoint(app, API.importCsafAdvisory, async (q) => s.advisories.importCsaf(actorOf(q), () => readUploadedFile(fastifyRequest(q))));
  serveEndpoint(app, API.importCveRecord, async (q) => s.advisories.importCve(actorOf(q), () => readUploadedFile(fastifyRequest(q))));
  serveEndpoint(app, API.importCsafDirectory, async (q) =>
    s.advisories.startDirectoryImport(actorOf(q), await readAllFiles(fastifyRequest(q))),
  );
  serveEndpoint(app, API.createManualRecord, async (q) => s.advisories.createManual(actorOf(q), q.body));
  serveEndpoint(app, API.updateManualRecord, async (q) => s.advisories.updateManual(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.listVendorAliases, async (q) => s.catalogue.listAliases(actorOf(q)));
  serveEndpoint(app, API.createVendorAlias, async (q) => s.catalogue.createAlias(actorOf(q), q.body));
  serveEndpoint(app, API.updateVendorAlias, async (q) => s.catalogue.updateAlias(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.deleteVendorAlias, async (q) => {
    await s.catalogue.deleteAlias(actorOf(q), q.params.id);
    return undefined;
  });
}
