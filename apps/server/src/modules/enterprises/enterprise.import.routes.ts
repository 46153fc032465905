import { EnterpriseExportQuerySchema, ImportQuerySchema, JobAcceptedSchema } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import { readUploadedFile, sendWorkbook } from '../../platform/tabular/http.js';
import type { EnterpriseImporter } from './enterprise.import.js';

export function registerEnterpriseImportRoutes(app: FastifyInstance, importer: EnterpriseImporter) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];

  r.get('/api/enterprises/import-template', {
    schema: { tags, description: 'The .xlsx template for enterprise imports: Chinese headers, drop-downs, a 说明 sheet.' },
    handler: async (request, reply) => sendWorkbook(reply, '企业导入模板.xlsx', await importer.template(actorOf(request))),
  });
  r.post('/api/enterprises/import', {
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
  r.get('/api/enterprises/export', {
    schema: { tags, querystring: EnterpriseExportQuerySchema, description: 'The filtered list as .xlsx, in the template’s columns.' },
    handler: async (request, reply) => sendWorkbook(reply, '企业清单.xlsx', await importer.export(actorOf(request), request.query)),
  });
}
