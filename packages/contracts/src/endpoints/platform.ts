import { defineEndpoints } from '../api/endpoint.js';
import { AuditEntrySchema, AuditListQuerySchema, AuditVerificationSchema } from '../audit.js';
import { IdParamsSchema, pageOf } from '../common.js';
import { StoredFileSchema } from '../files.js';

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
    summary:
      'Checks the whole audit log against the audit key and the checkpoints kept outside the database: broken links, gaps, truncation, re-chaining',
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
  // Health and readiness answer `{"status":"ok"}` / `{"status":"ready"}` without a response
  // schema, so that their cost stays the platform's floor (bench/http.ts measures it).
  getHealth: {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    tags: ['system'],
    summary: 'Liveness: {"status":"ok"} while the process answers',
    success: 200,
  },
  getReadiness: {
    method: 'GET',
    path: '/api/ready',
    access: 'public',
    tags: ['system'],
    summary: 'Readiness: {"status":"ready"} when the database answers too, else 503 SERVICE_UNAVAILABLE',
    success: 200,
  },
});
