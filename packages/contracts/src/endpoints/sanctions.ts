import { z } from 'zod';
import { defineEndpoints } from '../api/endpoint.js';
import { exportQueryOf, listExportSpec } from '../api/list-export.js';
import { IdParamsSchema, pageOf } from '../common.js';
import { CreateSanctionSchema, LiftSanctionSchema, SanctionListQuerySchema, SanctionLookupSchema, SanctionSchema } from '../sanctions.js';

const tags = ['sanctions'];

/** The sanction register (取消资格, issue #16 item 2): city administrators keep it; reviewers and auditors read it. */
export const sanctionEndpoints = defineEndpoints({
  listSanctions: {
    method: 'GET',
    path: '/api/sanctions',
    access: 'sanction:read',
    tags,
    query: SanctionListQuerySchema,
    success: 200,
    response: pageOf(SanctionSchema),
  },
  exportSanctions: listExportSpec({
    path: '/api/sanctions/export',
    access: 'sanction:read',
    tags,
    query: exportQueryOf(SanctionListQuerySchema),
  }),
  lookupSanctions: {
    method: 'POST',
    path: '/api/sanctions/lookup',
    access: 'sanction:read',
    tags,
    summary: 'Every sanction naming the person with this identity number (compared by keyed digest, not stored)',
    body: SanctionLookupSchema,
    success: 200,
    response: z.object({ items: z.array(SanctionSchema) }),
  },
  getSanction: {
    method: 'GET',
    path: '/api/sanctions/:id',
    access: 'sanction:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: SanctionSchema,
  },
  createSanction: {
    method: 'POST',
    path: '/api/sanctions',
    access: 'sanction:write',
    tags,
    summary: 'Records a sanction; the identity number is kept only as a keyed digest and a mask',
    body: CreateSanctionSchema,
    success: 201,
    response: SanctionSchema,
  },
  liftSanction: {
    method: 'POST',
    path: '/api/sanctions/:id/lift',
    access: 'sanction:write',
    tags,
    summary: 'Ends a sanction early (e.g. overturned on review), with the reason',
    params: IdParamsSchema,
    body: LiftSanctionSchema,
    success: 200,
    response: SanctionSchema,
  },
});
