import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { registerImportExportRoutes } from '../../platform/tabular/http.js';
import type { ProjectImporter } from './project.import.js';

export function registerProjectImportRoutes(app: FastifyInstance, importer: ProjectImporter) {
  registerImportExportRoutes(app, {
    endpoints: { template: API.downloadProjectTemplate, import: API.importProjects, export: API.exportProjects },
    templateName: '项目导入模板.xlsx',
    exportName: '项目清单.xlsx',
    importer,
  });
}
