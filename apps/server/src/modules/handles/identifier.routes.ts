import { API } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { readUploadedFile, sendWorkbook } from '../../platform/tabular/http.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import type { BatchUpload } from './batch-upload.js';
import { handleFromUrl } from './handle.routes.js';
import type { LookupService } from './lookup.service.js';
import type { PrefixService } from './prefix.service.js';
import { recordExport } from './record.export.js';
import type { RecordService } from './record.service.js';
import type { TemplateService } from './template.service.js';

export interface IdentifierRouteDeps {
  prefixes: PrefixService;
  templates: TemplateService;
  records: RecordService;
  lookup: LookupService;
  upload: BatchUpload;
}

/** Where the handle starts in the URL of a `*` endpoint: its path without the `*`. */
const baseOf = (endpoint: { path: string }) => endpoint.path.slice(0, -1);

/**
 * The handle in the rest of the path after `base`, as a platform 422 when it is not UTF-8. Taken
 * from the raw URL rather than Fastify's `*` parameter: `/` and `%2F` are both separators there.
 */
function handleParam(url: string, base: string): string {
  try {
    return handleFromUrl(url, base);
  } catch (err) {
    throw fieldError('VALIDATION_FAILED', 'handle', 'invalid_utf8', (err as Error).message);
  }
}

/** The console's identifier API (platform conventions: sessions or tokens, error envelope). */
export function registerIdentifierRoutes(app: FastifyInstance, deps: IdentifierRouteDeps) {
  const { prefixes, templates, records, lookup, upload } = deps;

  serveEndpoint(app, API.listIdentifierPrefixes, async (request) => prefixes.list(actorOf(request), request.query));
  serveEndpoint(app, API.delegateIdentifierPrefix, async (request) => prefixes.delegate(actorOf(request), request.body));
  serveEndpoint(app, API.getIdentifierPrefix, async (request) => prefixes.get(actorOf(request), request.params.prefix));
  serveEndpoint(app, API.updateIdentifierPrefix, async (request) => prefixes.update(actorOf(request), request.params.prefix, request.body));
  serveEndpoint(app, API.listIdentifierTemplates, async (request) => templates.list(actorOf(request), request.params.prefix));
  serveEndpoint(app, API.createIdentifierTemplate, async (request) =>
    templates.create(actorOf(request), request.params.prefix, request.body),
  );

  serveEndpoint(app, API.listIdentifierRecords, async (request) => records.list(actorOf(request), request.query));
  serveListExport(app, API.exportIdentifierRecords, recordExport(records));
  serveEndpoint(app, API.createIdentifierRecord, async (request) => records.create(actorOf(request), request.body));
  const recordBase = baseOf(API.getIdentifierRecord);
  serveEndpoint(app, API.getIdentifierRecord, async (request) => records.get(actorOf(request), handleParam(request.url, recordBase)));
  serveEndpoint(app, API.updateIdentifierRecord, async (request) =>
    records.update(actorOf(request), handleParam(request.url, recordBase), request.body),
  );
  serveEndpoint(app, API.deleteIdentifierRecord, async (request) => {
    await records.remove(actorOf(request), handleParam(request.url, recordBase));
    return { ok: true as const };
  });

  // 2,000 items with attributes exceed the default body limit.
  serveEndpoint(app, API.registerIdentifierBatch, async (request) => records.batch(actorOf(request), request.body), {
    bodyLimit: 8 * 1024 * 1024,
  });
  serveEndpoint(app, API.uploadIdentifierBatch, async (request) =>
    upload.run(actorOf(request), request.query, await readUploadedFile(request as unknown as FastifyRequest)),
  );
  serveEndpoint(app, API.downloadIdentifierBatchTemplate, async (request, reply) => {
    const file = await upload.template(actorOf(request), request.query);
    return sendWorkbook(reply, file.name, file.content);
  });

  serveEndpoint(app, API.reverseLookupIdentifiers, async (request) => lookup.reverse(actorOf(request), request.query));
  serveEndpoint(app, API.getIdentifierStats, async (request) => lookup.stats(actorOf(request), request.query));

  // Public: the resolve page and anonymous reverse lookup (public-read values only).
  serveEndpoint(app, API.publicReverseLookupIdentifiers, async (request) => lookup.reverse(null, request.query), {
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  });
  const publicBase = baseOf(API.getPublicIdentifierView);
  serveEndpoint(app, API.getPublicIdentifierView, async (request) => lookup.publicView(handleParam(request.url, publicBase)), {
    config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
  });
}
