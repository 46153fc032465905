import { EnterpriseExportQuerySchema } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { registerImportExportRoutes } from '../../platform/tabular/http.js';
import type { EnterpriseImporter } from './enterprise.import.js';

export function registerEnterpriseImportRoutes(app: FastifyInstance, importer: EnterpriseImporter) {
  registerImportExportRoutes(app, {
    base: '/api/enterprises',
    tags: ['enterprises'],
    noun: 'enterprise',
    templateName: '企业导入模板.xlsx',
    exportName: '企业清单.xlsx',
    exportQuery: EnterpriseExportQuerySchema,
    importer,
  });
}
