import type { ErrorCode, FieldIssue } from '@suilian/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

/** Sends the one error envelope `{ error: { code, message, requestId, details? } }`. */
export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  return reply
    .status(status)
    .send({ error: { code, message, requestId: String(reply.request.id), ...(details === undefined ? {} : { details }) } });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) return sendError(reply, error.status, error.code, error.message, error.details);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        const keys = (v.params as { keys?: string[] } | undefined)?.keys;
        const field = [error.validationContext, ...path, ...(keys?.length ? [keys.join(',')] : [])].filter(Boolean).join('.');
        return { field, rule: v.keyword, message: v.message ?? 'invalid' };
      });
      const creditCodeIssue = issues.some((i) => i.field.endsWith('creditCode'));
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return sendError(reply, 422, creditCodeIssue ? 'INVALID_CREDIT_CODE' : 'VALIDATION_FAILED', summary, { issues });
    }

    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', 'the request body is larger than allowed');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, 'BAD_REQUEST', 'unsupported content type; send application/json');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 400, 'INVALID_JSON', 'the JSON body is empty');
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendError(reply, 400, 'INVALID_JSON', 'the body is not valid JSON');
    }
    if (error.statusCode === 429) return sendError(reply, 429, 'RATE_LIMITED', 'too many requests; try again later');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'BAD_REQUEST', error.message);
    }
    // 5xx: log everything, tell the client nothing internal.
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'INTERNAL', 'an internal error occurred; quote the request id when reporting it');
  });
}
