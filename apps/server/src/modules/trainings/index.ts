import type { FastifyInstance } from 'fastify';
import { createMailCodeSender } from './code-senders.js';
import { registerTrainingRoutes } from './training.routes.js';
import { createTrainingService, type TrainingServiceDeps } from './training.service.js';
import { createSignUpService } from './training.sign-up.js';

export { createUnwiredSmsSender } from './code-senders.js';
export { trainingMeasures } from './training.measures.js';
export { hasTrainingPeople } from './training.repo.js';
export type { TrainingService } from './training.service.js';

/**
 * Trainings and events that count people (培训与活动, issue #15 item 6): courses, cohorts, events,
 * public sign-up confirmed by an e-mailed code, check-in, completion and certificates as identifiers;
 * T-PUB-2…4 count them (training.measures.ts).
 */
export function createTrainingsModule(deps: TrainingServiceDeps) {
  const service = createTrainingService(deps);
  const signUps = createSignUpService({ ...deps, sender: createMailCodeSender(deps.notifications) });
  return { service, signUps, registerRoutes: (app: FastifyInstance) => registerTrainingRoutes(app, service, signUps) };
}
