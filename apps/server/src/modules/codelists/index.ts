import type { FastifyInstance } from 'fastify';
import { registerCodeListRoutes } from './codelist.routes.js';
import { type CodeListServiceDeps, createCodeListService } from './codelist.service.js';

export { readSeedLists, seedCodeLists } from './codelist.seed.js';
export type { CodeListService } from './codelist.service.js';

/** Code lists: versioned, editable reference values other modules validate against. */
export function createCodeListsModule(deps: CodeListServiceDeps) {
  const service = createCodeListService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerCodeListRoutes(app, service) };
}
