import type { Endpoint, ImportMode, ImportQuery, JobAcceptedSchema, QueryOf } from '@suilian/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../actor.js';
import { fieldError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';
import { serveEndpoint } from '../http/endpoint-route.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An upload as the importers receive it. */
export type UploadedFile = { name: string; content: Buffer };

/** The one file of a multipart/form-data upload, in a part named `file`. */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart())
    throw fieldError('VALIDATION_FAILED', 'file', 'multipart', 'send the file as multipart/form-data in a part named file');
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw fieldError('VALIDATION_FAILED', 'file', 'required', 'send the file in a part named file');
  return { name: part.filename, content: await part.toBuffer() };
}

/** Sends an .xlsx as a download named `fileName`. */
export function sendWorkbook(reply: FastifyReply, fileName: string, content: Buffer) {
  return reply
    .header('content-type', XLSX_MEDIA_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(content);
}

/** What a module's importer offers the three Excel routes (ADR 0006). */
export interface TabularImporter<Query> {
  /** The empty template: headers, drop-downs, the 说明 sheet. */
  template(actor: Actor): Promise<Buffer>;
  /** Checks the permission and the header now (403 / 422), then runs the rows as a job. */
  start(actor: Actor, upload: () => Promise<UploadedFile>, mode: ImportMode): Promise<{ jobId: string }>;
  /** The filtered list in the template's columns. */
  export(actor: Actor, query: Query): Promise<Buffer>;
}

/** The three catalogue endpoints of an importable list (contracts' `tabularEndpointSpecs`). */
export interface TabularEndpoints<Q extends Endpoint> {
  template: Endpoint;
  import: Endpoint & { response: typeof JobAcceptedSchema };
  export: Q;
}

export interface ImportExportRoutes<Q extends Endpoint> {
  endpoints: TabularEndpoints<Q>;
  /** Download names, e.g. 企业导入模板.xlsx and 企业清单.xlsx. */
  templateName: string;
  exportName: string;
  importer: TabularImporter<QueryOf<Q>>;
}

/** Serves the template, import and export endpoints every importable list has, all alike. */
export function registerImportExportRoutes<Q extends Endpoint>(app: FastifyInstance, o: ImportExportRoutes<Q>) {
  const { importer, endpoints } = o;
  serveEndpoint(app, endpoints.template, async (request, reply) =>
    sendWorkbook(reply, o.templateName, await importer.template(actorOf(request))),
  );
  serveEndpoint(app, endpoints.import, async (request) => {
    const { mode } = request.query as ImportQuery;
    return importer.start(actorOf(request), () => readUploadedFile(request as unknown as FastifyRequest), mode);
  });
  serveEndpoint(app, endpoints.export, async (request, reply) =>
    sendWorkbook(reply, o.exportName, await importer.export(actorOf(request), request.query as QueryOf<Q>)),
  );
}
