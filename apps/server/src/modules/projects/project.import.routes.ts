import { ImportQuerySchema, JobAcceptedSchema, ProjectExportQuerySchema } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import { readUploadedFile, sendWorkbook } from '../../platform/tabular/http.js';
import type { ProjectImporter } from './project.import.js';

export function registerProjectImportRoutes(app: FastifyInstance, importer: ProjectImporter) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  r.get('/api/projects/import-template', {
    schema: { tags, description: 'The .xlsx template for project imports: Chinese headers, drop-downs, a 说明 sheet.' },
    handler: async (request, reply) => sendWorkbook(reply, '项目导入模板.xlsx', await importer.template(actorOf(request))),
  });
  r.post('/api/projects/import', {
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
  r.get('/api/projects/export', {
    schema: { tags, querystring: ProjectExportQuerySchema, description: 'The filtered list as .xlsx, in the template’s columns.' },
    handler: async (request, reply) => sendWorkbook(reply, '项目清单.xlsx', await importer.export(actorOf(request), request.query)),
  });
}
