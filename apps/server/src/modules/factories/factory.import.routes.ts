import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { registerImportExportRoutes } from '../../platform/tabular/http.js';
import type { FactoryImporter } from './factory.import.js';

export function registerFactoryImportRoutes(app: FastifyInstance, importer: FactoryImporter) {
  registerImportExportRoutes(app, {
    endpoints: { template: API.downloadFactoryTemplate, import: API.importFactories, export: API.exportFactories },
    templateName: '5G工厂导入模板.xlsx',
    exportName: '5G工厂清单.xlsx',
    importer,
  });
}
