import {
  ApplicationParamsSchema,
  ApplicationSchema,
  ApplyInputSchema,
  AssignInputSchema,
  AssignmentParamsSchema,
  AssignmentSchema,
  CaseInputSchema,
  CaseSchema,
  CreateRoundSchema,
  ExpertProfileInputSchema,
  ExpertSchema,
  IdParamsSchema,
  ObjectionInputSchema,
  ObjectionParamsSchema,
  ObjectionSchema,
  pageOf,
  RecommendInputSchema,
  ResolveObjectionSchema,
  RoundListQuerySchema,
  RoundSchema,
  RoundTransitionSchema,
  ScoreInputSchema,
  ScoreSchema,
  UpdateRoundSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import type { ApplicationService } from './application.service.js';
import type { CaseService } from './case.service.js';
import type { RoundService } from './round.service.js';

export function registerSelectionRoutes(
  app: FastifyInstance,
  s: { rounds: RoundService; applications: ApplicationService; cases: CaseService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selections'];
  const base = '/api/selections';

  r.get(base, {
    schema: { tags, querystring: RoundListQuerySchema, response: { 200: pageOf(RoundSchema) } },
    handler: async (q) => s.rounds.list(actorOf(q), q.query),
  });
  r.post(base, {
    schema: { tags, body: CreateRoundSchema, response: { 201: RoundSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.rounds.create(actorOf(q), q.body)),
  });
  r.get(`${base}/experts`, {
    schema: { tags, response: { 200: z.array(ExpertSchema) } },
    handler: async (q) => s.cases.experts(actorOf(q)),
  });
  r.put(`${base}/experts/:id`, {
    schema: { tags, params: IdParamsSchema, body: ExpertProfileInputSchema, response: { 200: ExpertSchema } },
    handler: async (q) => s.cases.setExpertProfile(actorOf(q), q.params.id, q.body),
  });
  r.get(`${base}/:id`, {
    schema: { tags, params: IdParamsSchema, response: { 200: RoundSchema } },
    handler: async (q) => s.rounds.get(actorOf(q), q.params.id),
  });
  r.patch(`${base}/:id`, {
    schema: { tags, params: IdParamsSchema, body: UpdateRoundSchema, response: { 200: RoundSchema } },
    handler: async (q) => s.rounds.update(actorOf(q), q.params.id, q.body),
  });
  r.post(`${base}/:id/transitions`, {
    schema: { tags, params: IdParamsSchema, body: RoundTransitionSchema, response: { 200: RoundSchema } },
    handler: async (q) => s.rounds.transition(actorOf(q), q.params.id, q.body),
  });
  r.get(`${base}/:id/applications`, {
    schema: { tags, params: IdParamsSchema, response: { 200: z.array(ApplicationSchema) } },
    handler: async (q) => s.applications.list(actorOf(q), q.params.id),
  });
  r.post(`${base}/:id/applications`, {
    schema: { tags, params: IdParamsSchema, body: ApplyInputSchema, response: { 201: ApplicationSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.applications.apply(actorOf(q), q.params.id, q.body)),
  });
  r.get(`${base}/:id/applications/:applicationId`, {
    schema: { tags, params: ApplicationParamsSchema, response: { 200: ApplicationSchema } },
    handler: async (q) => s.applications.get(actorOf(q), q.params.id, q.params.applicationId),
  });
  r.post(`${base}/:id/applications/:applicationId/recommendation`, {
    schema: { tags, params: ApplicationParamsSchema, body: RecommendInputSchema, response: { 200: ApplicationSchema } },
    handler: async (q) => s.applications.recommend(actorOf(q), q.params.id, q.params.applicationId, q.body),
  });
  r.post(`${base}/:id/applications/:applicationId/assignments`, {
    schema: { tags, params: ApplicationParamsSchema, body: AssignInputSchema, response: { 200: ApplicationSchema } },
    handler: async (q) => s.applications.assign(actorOf(q), q.params.id, q.params.applicationId, q.body.expertIds),
  });
  r.get(`${base}/:id/applications/:applicationId/assignments`, {
    schema: { tags, params: ApplicationParamsSchema, response: { 200: z.array(AssignmentSchema) } },
    handler: async (q) => s.applications.assignments(actorOf(q), q.params.id, q.params.applicationId),
  });
  r.delete(`${base}/:id/applications/:applicationId/assignments/:expertId`, {
    schema: { tags, params: AssignmentParamsSchema, response: { 200: ApplicationSchema } },
    handler: async (q) => s.applications.unassign(actorOf(q), q.params.id, q.params.applicationId, q.params.expertId),
  });
  r.put(`${base}/:id/applications/:applicationId/score`, {
    schema: { tags, params: ApplicationParamsSchema, body: ScoreInputSchema, response: { 200: ScoreSchema } },
    handler: async (q) => s.applications.score(actorOf(q), q.params.id, q.params.applicationId, q.body),
  });
  r.get(`${base}/:id/applications/:applicationId/scores`, {
    schema: { tags, params: ApplicationParamsSchema, response: { 200: z.array(ScoreSchema) } },
    handler: async (q) => s.applications.scores(actorOf(q), q.params.id, q.params.applicationId),
  });
  r.post(`${base}/:id/applications/:applicationId/objections`, {
    schema: { tags, params: ApplicationParamsSchema, body: ObjectionInputSchema, response: { 201: ObjectionSchema } },
    handler: async (q, reply) =>
      reply.status(201).send(await s.applications.object(actorOf(q), q.params.id, q.params.applicationId, q.body.content)),
  });
  r.get(`${base}/:id/objections`, {
    schema: { tags, params: IdParamsSchema, response: { 200: z.array(ObjectionSchema) } },
    handler: async (q) => s.applications.objections(actorOf(q), q.params.id),
  });
  r.post(`${base}/:id/objections/:objectionId/resolution`, {
    schema: { tags, params: ObjectionParamsSchema, body: ResolveObjectionSchema, response: { 200: ObjectionSchema } },
    handler: async (q) => s.applications.resolveObjection(actorOf(q), q.params.id, q.params.objectionId, q.body),
  });
  r.put(`${base}/:id/applications/:applicationId/case`, {
    schema: { tags, params: ApplicationParamsSchema, body: CaseInputSchema, response: { 200: CaseSchema } },
    handler: async (q) => s.cases.upsert(actorOf(q), q.params.id, q.params.applicationId, q.body),
  });
  r.get('/api/cases', {
    schema: { tags, response: { 200: z.array(CaseSchema) } },
    handler: async (q) => {
      actorOf(q);
      return s.cases.published();
    },
  });
  r.get('/api/cases/:id', {
    schema: { tags, params: IdParamsSchema, response: { 200: CaseSchema } },
    handler: async (q) => s.cases.get(actorOf(q), q.params.id),
  });
}
