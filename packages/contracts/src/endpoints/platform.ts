import { z } from 'zod';
import { defineEndpoints } from '../api/endpoint.js';
import { AuditEntrySchema, AuditListQuerySchema, AuditVerificationSchema } from '../audit.js';
import { IdParamsSchema, pageOf } from '../common.js';
import { StoredFileSchema } from '../files.js';

/** Liveness: the process answers. */
const HealthSchema = z.object({ status: z.literal('ok') });
/** Readiness: the database answers too (503 SERVICE_UNAVAILABLE otherwise). */
const ReadinessSchema = z.object({ status: z.literal('ready') });

/** Cross-cutting: the audit log, stored files, health. */
export const platformEndpoints = defineEndpoints({
  listAuditEntries: {
    method: 'GET',
    path: '/api/audit',
    access: 'audit:read',
    tags: ['audit'],
    query: AuditListQuerySchema,
    success: 200,
    response: pageOf(AuditEntrySchema),
  },
  verifyAuditChain: {
    method: 'GET',
    path: '/api/audit/verify',
    access: 'audit:read',
    tags: ['audit'],
    summary: 'Walks the whole hash chain and reports the first broken link',
    success: 200,
    response: AuditVerificationSchema,
  },
  uploadFile: {
    method: 'POST',
    path: '/api/files',
    access: 'file:upload',
    tags: ['files'],
    summary: 'Stores one upload (multipart part `file`) after checking what its content really is',
    upload: true,
    success: 201,
    response: StoredFileSchema,
  },
  downloadFile: {
    method: 'GET',
    path: '/api/files/:id',
    access: 'authenticated',
    tags: ['files'],
    summary: 'A stored file, to whoever reaches its uploader or a record it is attached to',
    params: IdParamsSchema,
    success: 200,
    responseKind: 'file',
  },
  getHealth: {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    tags: ['system'],
    success: 200,
    response: HealthSchema,
  },
  getReadiness: {
    method: 'GET',
    path: '/api/ready',
    access: 'public',
    tags: ['system'],
    success: 200,
    response: ReadinessSchema,
  },
});
