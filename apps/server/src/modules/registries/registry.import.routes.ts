import { REGISTRY_KEYS, RegistryExportQuerySchema } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { registerImportExportRoutes } from '../../platform/tabular/http.js';
import type { RegistryImporter } from './registry.import.js';

/** /api/<key>/import-template, /api/<key>/import and /api/<key>/export for every registry. */
export function registerRegistryImportRoutes(app: FastifyInstance, importer: RegistryImporter) {
  for (const key of REGISTRY_KEYS) {
    const name = importer.sheetName(key);
    registerImportExportRoutes(app, {
      base: `/api/${key}`,
      tags: [`registry: ${key}`],
      noun: `${key} record`,
      templateName: `${name}导入模板.xlsx`,
      exportName: `${name}清单.xlsx`,
      exportQuery: RegistryExportQuerySchema,
      importer: importer.forRegistry(key),
    });
  }
}
