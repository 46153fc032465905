import { defineEndpoints } from '../api/endpoint.js';
import { exportQueryOf, listExportSpec } from '../api/list-export.js';
import { IdParamsSchema, pageOf } from '../common.js';
import { ConfirmationSchema, ConfirmRecordSchema, ReturnRecordSchema } from '../confirmations.js';
import {
  CreateNetworkSchema,
  EdgeNodeListQuerySchema,
  EdgeNodeSchema,
  NetworkExportQuerySchema,
  NetworkListQuerySchema,
  NetworkSchema,
  NetworkTransitionSchema,
  UpdateNetworkSchema,
} from '../networks.js';

const tags = ['networks'];

/**
 * The 5G network system's records (issue #14 item 1): private networks that operators keep,
 * enterprises see and districts confirm; their edge computing nodes (T-INF-2, T-INF-3).
 */
export const networkEndpoints = defineEndpoints({
  listNetworks: {
    method: 'GET',
    path: '/api/networks',
    access: 'network:read',
    tags,
    description:
      'Private networks in the caller’s reach: operators their own, enterprises theirs, districts those counted in them, the city all.',
    query: NetworkListQuerySchema,
    success: 200,
    response: pageOf(NetworkSchema),
  },
  exportNetworks: {
    method: 'GET',
    path: '/api/networks/export',
    access: 'network:read',
    tags,
    description: 'The filtered list as an .xlsx (one row per network).',
    query: NetworkExportQuerySchema,
    success: 200,
    responseKind: 'file',
  },
  createNetwork: {
    method: 'POST',
    path: '/api/networks',
    access: 'network:write',
    tags,
    description: 'Registers a private network; an operator’s registration waits for the district’s confirmation.',
    body: CreateNetworkSchema,
    success: 201,
    response: NetworkSchema,
  },
  getNetwork: {
    method: 'GET',
    path: '/api/networks/:id',
    access: 'network:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: NetworkSchema,
  },
  updateNetwork: {
    method: 'PATCH',
    path: '/api/networks/:id',
    access: 'network:write',
    tags,
    params: IdParamsSchema,
    body: UpdateNetworkSchema,
    success: 200,
    response: NetworkSchema,
  },
  transitionNetwork: {
    method: 'POST',
    path: '/api/networks/:id/transition',
    access: 'network:write',
    tags,
    description: 'One lifecycle step: planned → building → in service → retired.',
    params: IdParamsSchema,
    body: NetworkTransitionSchema,
    success: 200,
    response: NetworkSchema,
  },
  confirmNetwork: {
    method: 'POST',
    path: '/api/networks/:id/confirm',
    access: 'record:confirm',
    tags,
    params: IdParamsSchema,
    body: ConfirmRecordSchema,
    success: 200,
    response: ConfirmationSchema,
  },
  returnNetwork: {
    method: 'POST',
    path: '/api/networks/:id/return',
    access: 'record:confirm',
    tags,
    params: IdParamsSchema,
    body: ReturnRecordSchema,
    success: 200,
    response: ConfirmationSchema,
  },
  listEdgeNodes: {
    method: 'GET',
    path: '/api/edge-nodes',
    access: 'network:read',
    tags,
    description: 'Edge computing nodes of the private networks in the caller’s reach.',
    query: EdgeNodeListQuerySchema,
    success: 200,
    response: pageOf(EdgeNodeSchema),
  },
  exportEdgeNodes: listExportSpec({
    path: '/api/edge-nodes/export',
    access: 'network:read',
    tags,
    query: exportQueryOf(EdgeNodeListQuerySchema),
  }),
});
