import { API, MAX_ADVISORY_BYTES, MAX_CSAF_DIRECTORY_FILES, MAX_CSAF_DIRECTORY_MB } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError, refusal } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { readUploadedFile, type UploadedFile } from '../../platform/tabular/http.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import type { AdvisoryService } from './advisory.service.js';
import type { CatalogueService } from './catalogue.service.js';
import { vulnerabilityExport } from './exports.js';

/** The directory import's limits (settings CSAF_DIRECTORY_MAX_FILES and CSAF_DIRECTORY_MAX_MB). */
export interface DirectoryLimits {
  maxFiles: number;
  maxBytes: number;
}

export const DEFAULT_DIRECTORY_LIMITS: DirectoryLimits = {
  maxFiles: MAX_CSAF_DIRECTORY_FILES,
  maxBytes: MAX_CSAF_DIRECTORY_MB * 1_048_576,
};

/** Room for a few form fields besides the files (a client may send a name or a checkbox along). */
const SPARE_PARTS = 20;

/**
 * Every part of a multipart request is one file of the directory (each part may be named anything).
 * The limits are the settings', named in the 413 (the multipart library's own default of 1,000
 * parts is replaced); a file over the per-file limit arrives cut short and is rejected on its own.
 */
async function readAllFiles(request: FastifyRequest, limits: DirectoryLimits): Promise<UploadedFile[]> {
  if (!request.isMultipart()) throw fieldError('VALIDATION_FAILED', 'files', 'multipart', 'send the files as multipart/form-data');
  const files: UploadedFile[] = [];
  let total = 0;
  const tooMany = () =>
    refusal(
      'PAYLOAD_TOO_LARGE',
      'advisory.directory_too_many_files',
      `a directory import may hold at most ${limits.maxFiles} files (CSAF_DIRECTORY_MAX_FILES); send the rest in another import`,
      { max: limits.maxFiles },
    );
  try {
    for await (const part of request.files({
      // Keep the folder in each file's name (`2024/icsa-24-001-01.json`): a rejection must name the file within the directory.
      preservePath: true,
      limits: { files: limits.maxFiles, parts: limits.maxFiles + SPARE_PARTS, fileSize: MAX_ADVISORY_BYTES + 1 },
      throwFileSizeLimit: false,
    })) {
      const content = await part.toBuffer();
      total += content.length;
      if (total > limits.maxBytes)
        throw refusal(
          'PAYLOAD_TOO_LARGE',
          'advisory.directory_too_large',
          `a directory import may hold at most ${limits.maxBytes / 1_048_576} MiB (CSAF_DIRECTORY_MAX_MB); send the rest in another import`,
          { maxMegabytes: limits.maxBytes / 1_048_576 },
        );
      files.push({ name: part.filename, content });
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw tooMany();
    throw e;
  }
  return files;
}

// The typed view of an endpoint's request hides the multipart helpers; uploads read the Fastify request.
const fastifyRequest = (request: unknown) => request as FastifyRequest;

/** The vulnerability database: advisories (CSAF, CVE, manual CNVD records), vulnerabilities, vendor aliases. */
export function registerCatalogueRoutes(
  app: FastifyInstance,
  s: { advisories: AdvisoryService; catalogue: CatalogueService; directoryLimits?: DirectoryLimits },
) {
  const limits = s.directoryLimits ?? DEFAULT_DIRECTORY_LIMITS;
  serveEndpoint(app, API.listVulnerabilities, async (q) => s.catalogue.listVulnerabilities(actorOf(q), q.query));
  serveListExport(app, API.exportVulnerabilities, vulnerabilityExport(s.catalogue));
  serveEndpoint(app, API.getVulnerability, async (q) => s.catalogue.getVulnerability(actorOf(q), q.params.id));
  serveEndpoint(app, API.listAdvisories, async (q) => s.catalogue.listAdvisories(actorOf(q), q.query));
  serveEndpoint(app, API.getAdvisory, async (q) => s.catalogue.getAdvisory(actorOf(q), q.params.id));
  serveEndpoint(app, API.downloadAdvisoryDocument, async (q, reply) =>
    reply.send(await s.catalogue.advisoryDocument(actorOf(q), q.params.id)),
  );
  serveEndpoint(app, API.importCsafAdvisory, async (q) => s.advisories.importCsaf(actorOf(q), () => readUploadedFile(fastifyRequest(q))));
  serveEndpoint(app, API.importCveRecord, async (q) => s.advisories.importCve(actorOf(q), () => readUploadedFile(fastifyRequest(q))));
  serveEndpoint(app, API.importCsafDirectory, async (q) =>
    s.advisories.startDirectoryImport(actorOf(q), await readAllFiles(fastifyRequest(q), limits)),
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
