import { z } from 'zod';
import { defineEndpoints } from '../api/endpoint.js';
import { tabularEndpointSpecs } from '../api/tabular.js';
import { IdParamsSchema, pageOf } from '../common.js';
import { ProjectExportQuerySchema } from '../imports.js';
import {
  CreateProjectSchema,
  ProjectEventSchema,
  ProjectListQuerySchema,
  ProjectSchema,
  ProjectTransitionInputSchema,
  UpdateProjectSchema,
} from '../projects.js';

const tags = ['projects'];

/** "5G + 工业互联网" projects through their review lifecycle. */
export const projectEndpoints = defineEndpoints({
  listProjects: {
    method: 'GET',
    path: '/api/projects',
    access: 'project:read',
    tags,
    query: ProjectListQuerySchema,
    success: 200,
    response: pageOf(ProjectSchema),
  },
  createProject: {
    method: 'POST',
    path: '/api/projects',
    access: 'project:write',
    tags,
    body: CreateProjectSchema,
    success: 201,
    response: ProjectSchema,
  },
  getProject: {
    method: 'GET',
    path: '/api/projects/:id',
    access: 'project:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: ProjectSchema,
  },
  updateProject: {
    method: 'PATCH',
    path: '/api/projects/:id',
    access: 'project:write',
    tags,
    description: 'Which fields are open depends on the state and the role (contracts rules/project-editing.ts).',
    params: IdParamsSchema,
    body: UpdateProjectSchema,
    success: 200,
    response: ProjectSchema,
  },
  transitionProject: {
    method: 'POST',
    path: '/api/projects/:id/transitions',
    access: 'project:write',
    tags,
    description: 'One lifecycle step (contracts rules/project-lifecycle.ts); the comment goes to the timeline.',
    params: IdParamsSchema,
    body: ProjectTransitionInputSchema,
    success: 200,
    response: ProjectSchema,
  },
  listProjectEvents: {
    method: 'GET',
    path: '/api/projects/:id/events',
    access: 'project:read',
    tags,
    description: 'The project’s timeline, oldest first.',
    params: IdParamsSchema,
    success: 200,
    response: z.array(ProjectEventSchema),
  },
  ...tabularEndpointSpecs('Project', 'Projects', {
    base: '/api/projects',
    tags,
    noun: 'project',
    exportQuery: ProjectExportQuerySchema,
    read: 'project:read',
    write: 'project:write',
  }),
});
