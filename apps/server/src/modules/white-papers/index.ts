import type { FastifyInstance } from 'fastify';
import { registerWhitePaperRoutes } from './white-paper.routes.js';
import { createWhitePaperService, type WhitePaperServiceDeps } from './white-paper.service.js';

export { demoActor, loadWhitePaperDemo } from './white-paper.demo.js';
export type { WhitePaperService } from './white-paper.service.js';

/** The white paper (白皮书, issue #16 item 4): editions from a snapshot, commentary, review, publication on the portal. */
export function createWhitePapersModule(deps: WhitePaperServiceDeps) {
  const service = createWhitePaperService(deps);
  return { service, registerRoutes: (app: FastifyInstance) => registerWhitePaperRoutes(app, service) };
}
