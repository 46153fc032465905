import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import { trainingActivityExport } from './training.export.js';
import type { TrainingService } from './training.service.js';
import type { SignUpService } from './training.sign-up.js';

const PUBLIC_RATE = { max: 60, timeWindow: 60_000 };
// Sign-up forms send mail and try codes: a few per client address per minute.
const FORM_RATE = { max: 10, timeWindow: 60_000 };

/** Trainings' endpoints: thin, the rules are in the services. */
export function registerTrainingRoutes(app: FastifyInstance, trainings: TrainingService, signUps: SignUpService) {
  serveEndpoint(app, API.listTrainingCourses, async (r) => trainings.listCourses(actorOf(r), r.query));
  serveEndpoint(app, API.createTrainingCourse, async (r) => trainings.createCourse(actorOf(r), r.body));
  serveEndpoint(app, API.listTrainingActivities, async (r) => trainings.listActivities(actorOf(r), r.query));
  serveListExport(app, API.exportTrainingActivities, trainingActivityExport(trainings));
  serveEndpoint(app, API.createTrainingActivity, async (r) => trainings.createActivity(actorOf(r), r.body));
  serveEndpoint(app, API.getTrainingActivity, async (r) => trainings.getActivity(actorOf(r), r.params.id));
  serveEndpoint(app, API.publishTrainingActivity, async (r) => trainings.publish(actorOf(r), r.params.id, r.body.published));
  serveEndpoint(app, API.listEnrolments, async (r) => trainings.listEnrolments(actorOf(r), r.params.id, r.query));
  serveEndpoint(app, API.enrolTrainee, async (r) => trainings.enrol(actorOf(r), r.params.id, r.body));
  serveEndpoint(app, API.checkInTrainee, async (r) => trainings.checkIn(actorOf(r), r.params.id, r.body));
  serveEndpoint(app, API.completeTraining, async (r) => trainings.complete(actorOf(r), r.params.id, r.body));
  serveEndpoint(app, API.listPublicTrainingEvents, async (r) => signUps.listPublic(r.query), { config: { rateLimit: PUBLIC_RATE } });
  serveEndpoint(app, API.signUpForEvent, async (r) => signUps.signUp(r.params.id, r.body), { config: { rateLimit: FORM_RATE } });
  serveEndpoint(app, API.confirmSignUp, async (r) => signUps.confirm(r.params.id, r.body), { config: { rateLimit: FORM_RATE } });
}
