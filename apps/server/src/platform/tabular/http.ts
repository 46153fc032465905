import { type ImportMode, ImportQuerySchema, JobAcceptedSchema } from '@suilian/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Actor } from '../actor.js';
import { fieldError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';

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

export interface ImportExportRoutes<S extends z.ZodType> {
  /** The list's path, e.g. `/api/enterprises`: the routes are `<base>/import-template`, `<base>/import`, `<base>/export`. */
  base: string;
  tags: string[];
  /** What one row is, for the OpenAPI descriptions (enterprise, project, …). */
  noun: string;
  /** Download names, e.g. 企业导入模板.xlsx and 企业清单.xlsx. */
  templateName: string;
  exportName: string;
  /** The list's filters without paging. */
  exportQuery: S;
  importer: TabularImporter<z.output<S>>;
}

/** The template, import and export routes every importable list has, all alike. */
export function registerImportExportRoutes<S extends z.ZodType>(app: FastifyInstance, o: ImportExportRoutes<S>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { tags, importer } = o;
  r.get(`${o.base}/import-template`, {
    schema: { tags, description: `The .xlsx template for ${o.noun} imports: Chinese headers, drop-downs, a 说明 sheet.` },
    handler: async (request, reply) => sendWorkbook(reply, o.templateName, await importer.template(actorOf(request))),
  });
  r.post(`${o.base}/import`, {
    schema: {
      tags,
      description: 'multipart/form-data with the .xlsx or .csv in a part named file; follow the job at /api/jobs/:id',
      consumes: ['multipart/form-data'],
      querystring: ImportQuerySchema,
      response: { 202: JobAcceptedSchema },
    },
    handler: async (request, reply) => {
      const accepted = await importer.start(actorOf(request), () => readUploadedFile(request), request.query.mode);
      return reply.status(202).send(accepted);
    },
  });
  r.get(`${o.base}/export`, {
    schema: { tags, querystring: o.exportQuery, description: 'The filtered list as .xlsx, in the template’s columns.' },
    handler: async (request, reply) =>
      sendWorkbook(reply, o.exportName, await importer.export(actorOf(request), request.query as z.output<S>)),
  });
}
