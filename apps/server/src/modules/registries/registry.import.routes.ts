import { REGISTRY_API, REGISTRY_KEYS } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { registerImportExportRoutes } from '../../platform/tabular/http.js';
import type { RegistryImporter } from './registry.import.js';

/** /api/<key>/import-template, /api/<key>/import and /api/<key>/export for every registry. */
export function registerRegistryImportRoutes(app: FastifyInstance, importer: RegistryImporter) {
  for (const key of REGISTRY_KEYS) {
    const name = importer.sheetName(key);
    const api = REGISTRY_API[key];
    registerImportExportRoutes(app, {
      endpoints: { template: api.downloadRecordTemplate, import: api.importRecords, export: api.exportRecords },
      templateName: `${name}导入模板.xlsx`,
      exportName: `${name}清单.xlsx`,
      importer: importer.forRegistry(key),
    });
  }
}
