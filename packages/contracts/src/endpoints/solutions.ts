import { defineEndpoints } from '../api/endpoint.js';
import { exportQueryOf, listExportSpec } from '../api/list-export.js';
import { IdParamsSchema, pageOf } from '../common.js';
import {
  CreateSolutionSchema,
  PublicSolutionQuerySchema,
  PublicSolutionSchema,
  SolutionListQuerySchema,
  SolutionSchema,
  SolutionTransitionInputSchema,
  UpdateSolutionSchema,
} from '../solutions.js';

const tags = ['solutions'];

/** Providers' solutions (issue #15 item 2) and their public catalogue. */
export const solutionEndpoints = defineEndpoints({
  listSolutions: {
    method: 'GET',
    path: '/api/solutions',
    access: 'authenticated',
    tags,
    summary: 'Published solutions to everyone logged in; a provider also sees its own in any state, the city every one',
    query: SolutionListQuerySchema,
    success: 200,
    response: pageOf(SolutionSchema),
  },
  exportSolutions: listExportSpec({
    path: '/api/solutions/export',
    access: 'authenticated',
    tags,
    query: exportQueryOf(SolutionListQuerySchema),
  }),
  createSolution: {
    method: 'POST',
    path: '/api/solutions',
    access: 'solution:write',
    tags,
    body: CreateSolutionSchema,
    success: 201,
    response: SolutionSchema,
  },
  getSolution: {
    method: 'GET',
    path: '/api/solutions/:id',
    access: 'authenticated',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: SolutionSchema,
  },
  updateSolution: {
    method: 'PATCH',
    path: '/api/solutions/:id',
    access: 'solution:write',
    tags,
    params: IdParamsSchema,
    body: UpdateSolutionSchema,
    success: 200,
    response: SolutionSchema,
  },
  transitionSolution: {
    method: 'POST',
    path: '/api/solutions/:id/transitions',
    access: ['solution:write', 'solution:review'],
    tags,
    summary: 'submit / retire (the owner), publish / return (the city)',
    params: IdParamsSchema,
    body: SolutionTransitionInputSchema,
    success: 200,
    response: SolutionSchema,
  },
  listPublicSolutions: {
    method: 'GET',
    path: '/api/public/solutions',
    access: 'public',
    tags,
    summary: 'The published solutions for anyone, without contacts; rate-limited',
    query: PublicSolutionQuerySchema,
    success: 200,
    response: pageOf(PublicSolutionSchema),
  },
});
