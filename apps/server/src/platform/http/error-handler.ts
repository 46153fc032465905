import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { ErrorCode, FieldIssue, RefusalReason } from '@suilian/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { loggableDatabaseError, loggableError, refusalOfDatabaseError } from './database-errors.js';
import { multipartRefusal } from './multipart.js';

/** Sends the one error envelope `{ error: { code, message, requestId, details? } }`. */
export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  return reply
    .status(status)
    .send({ error: { code, message, requestId: String(reply.request.id), ...(details === undefined ? {} : { details }) } });
}

/** The rule a Zod issue breaks: a refinement's own name (`params.rule`, e.g. date_range) or the issue code. */
function ruleOf(v: { keyword: string; params?: unknown }): string {
  const rule = (v.params as { params?: { rule?: unknown } } | undefined)?.params?.rule;
  return typeof rule === 'string' ? rule : v.keyword;
}

/**
 * A Zod issue as a code with its numbers (`field.max_length {max}`, `field.choice {allowed}` …) for
 * the console to word (issue #12 item 3); null for refinements, which the console words by rule.
 */
export function zodReason(v: { keyword: string; message?: string; params?: unknown }): RefusalReason | null {
  const p = (v.params ?? {}) as {
    origin?: string;
    maximum?: unknown;
    minimum?: unknown;
    values?: unknown[];
    expected?: string;
    format?: string;
  };
  const sized = p.origin === 'string' ? 'length' : p.origin === 'array' || p.origin === 'set' ? 'items' : 'value';
  switch (v.keyword) {
    case 'too_big':
      return { code: `field.max_${sized}`, params: { max: Number(p.maximum) } };
    case 'too_small':
      return Number(p.minimum) === 1 && sized !== 'value'
        ? { code: 'field.required' }
        : { code: `field.min_${sized}`, params: { min: Number(p.minimum) } };
    case 'invalid_value':
      return { code: 'field.choice', params: { allowed: (p.values ?? []).map(String).join('、') } };
    case 'invalid_type':
      return /received undefined/.test(v.message ?? '') ? { code: 'field.required' } : { code: 'field.type' };
    case 'invalid_format':
      return { code: 'field.format' };
    case 'unrecognized_keys':
      return { code: 'field.unknown_keys' };
    default:
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) return sendError(reply, error.status, error.code, error.message, error.details);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        const keys = (v.params as { keys?: string[] } | undefined)?.keys;
        const field = [error.validationContext, ...path, ...(keys?.length ? [keys.join(',')] : [])].filter(Boolean).join('.');
        const reason = zodReason(v);
        return { field, rule: ruleOf(v), message: v.message ?? 'invalid', ...(reason ? { reason } : {}) };
      });
      const creditCodeIssue = issues.some((i) => i.field.endsWith('creditCode'));
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      // A query parameter the endpoint does not take, or a sort key the list does not know, is a bad
      // request (400), not a value to correct (issue #11 item 7); the issue names the parameter.
      if (
        error.validationContext === 'querystring' &&
        issues.every((i) => i.rule === 'unrecognized_keys' || i.field === 'querystring.sort')
      )
        return sendError(reply, 400, 'BAD_REQUEST', summary, { issues });
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
    const multipart = multipartRefusal(error, request);
    if (multipart)
      return sendError(reply, multipart.status, multipart.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', multipart.message);
    // A value PostgreSQL refuses (NUL, a number or date out of its range, a duplicate key) is the
    // client's to fix; logged by condition only, since the error's detail quotes the values.
    const database = refusalOfDatabaseError(error);
    if (database) {
      request.log.warn({ database: loggableDatabaseError(error) }, 'request refused by the database');
      return sendError(reply, database.status, database.code, database.message, database.details);
    }
    if (error.statusCode === 429) return sendError(reply, 429, 'RATE_LIMITED', 'too many requests; try again later');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', error.message);
    }
    // 5xx: log what finds the fault (never the values a failed query was sent), tell the client nothing internal.
    request.log.error(loggableError(error), 'unhandled error');
    return sendError(reply, 500, 'INTERNAL', 'an internal error occurred; quote the request id when reporting it');
  });
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', message: 'the request headers are larger than allowed' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', message: 'the request did not arrive in time' },
};

/**
 * Node's answer to a request it cannot parse (headers too large, malformed request line), which
 * never reaches Fastify's routing: the same envelope as every other error, written on the socket
 * (Fastify's `clientErrorHandler`). A reset or already closed connection gets nothing.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, reason: 'Bad Request', message: 'the request is not valid HTTP' };
  const body = JSON.stringify({ error: { code: 'BAD_REQUEST' satisfies ErrorCode, message: known.message, requestId: randomUUID() } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${known.reason}\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
