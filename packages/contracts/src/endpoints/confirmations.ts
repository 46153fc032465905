import { defineEndpoints } from '../api/endpoint.js';
import { IdParamsSchema } from '../common.js';
import { ConfirmationSchema, ConfirmRecordSchema, PendingConfirmationsSchema, ReturnRecordSchema } from '../confirmations.js';
import { HonourParamsSchema } from '../enterprises.js';

const tags = ['confirmations'];

/**
 * District confirmation of self-declared records (issue #12 item 5): a declared 5G factory or
 * registry record counts toward its target once its district (or the city) confirms it.
 */
export const confirmationEndpoints = defineEndpoints({
  listPendingConfirmations: {
    method: 'GET',
    path: '/api/confirmations/pending',
    access: 'record:confirm',
    tags,
    success: 200,
    response: PendingConfirmationsSchema,
  },
  confirmFactory: {
    method: 'POST',
    path: '/api/factories/:id/confirm',
    access: 'record:confirm',
    tags,
    params: IdParamsSchema,
    body: ConfirmRecordSchema,
    success: 200,
    response: ConfirmationSchema,
  },
  returnFactory: {
    method: 'POST',
    path: '/api/factories/:id/return',
    access: 'record:confirm',
    tags,
    params: IdParamsSchema,
    body: ReturnRecordSchema,
    success: 200,
    response: ConfirmationSchema,
  },
  confirmRegistryRecord: {
    method: 'POST',
    path: '/api/registry-records/:id/confirm',
    access: 'record:confirm',
    tags,
    params: IdParamsSchema,
    body: ConfirmRecordSchema,
    success: 200,
    response: ConfirmationSchema,
  },
  returnRegistryRecord: {
    method: 'POST',
    path: '/api/registry-records/:id/return',
    access: 'record:confirm',
    tags,
    params: IdParamsSchema,
    body: ReturnRecordSchema,
    success: 200,
    response: ConfirmationSchema,
  },
  confirmEnterpriseHonour: {
    method: 'POST',
    path: '/api/enterprises/:id/honours/:honourId/confirm',
    access: 'record:confirm',
    tags,
    summary: 'Confirms an honour the enterprise declared, so it counts toward T-ECO-1 (issue #12 item 5)',
    params: HonourParamsSchema,
    body: ConfirmRecordSchema,
    success: 200,
    response: ConfirmationSchema,
  },
  returnEnterpriseHonour: {
    method: 'POST',
    path: '/api/enterprises/:id/honours/:honourId/return',
    access: 'record:confirm',
    tags,
    summary: 'Returns a declared honour to the enterprise with the reason',
    params: HonourParamsSchema,
    body: ReturnRecordSchema,
    success: 200,
    response: ConfirmationSchema,
  },
});
