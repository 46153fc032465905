import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { registerImportExportRoutes } from '../../platform/tabular/http.js';
import type { EnterpriseImporter } from './enterprise.import.js';

export function registerEnterpriseImportRoutes(app: FastifyInstance, importer: EnterpriseImporter) {
  registerImportExportRoutes(app, {
    endpoints: { template: API.downloadEnterpriseTemplate, import: API.importEnterprises, export: API.exportEnterprises },
    templateName: '企业导入模板.xlsx',
    exportName: '企业清单.xlsx',
    importer,
  });
}
