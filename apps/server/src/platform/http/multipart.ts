import fastifyMultipart, { type FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Hook = (this: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

const MULTIPART = /^multipart\//i;

/** Runs a hook of @fastify/multipart only for multipart requests; every other request skips it synchronously. */
function onlyForMultipart(hook: Hook) {
  return function multipartOnly(this: unknown, request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) {
    const type = request.headers['content-type'];
    if (type === undefined || !MULTIPART.test(type)) return done();
    Promise.resolve(hook.call(this, request, reply)).then(() => done(), done);
  };
}

/**
 * @fastify/multipart, whose global onRequest hook (a 'close' listener per request) and onResponse
 * hook (temp-file clean-up, async) only concern multipart requests — they clean files saved by
 * `saveRequestFiles` — yet cost every request two promises, a closure and a listener. Its hooks are
 * wrapped while it registers so that any other request skips them without allocating.
 */
export async function registerMultipart(app: FastifyInstance, options: FastifyMultipartOptions) {
  const addHook = app.addHook;
  const wrapped = function (this: FastifyInstance, name: string, hook: Hook) {
    return name === 'onRequest' || name === 'onResponse'
      ? (addHook as (n: string, h: unknown) => FastifyInstance).call(this, name, onlyForMultipart(hook))
      : (addHook as (n: string, h: unknown) => FastifyInstance).call(this, name, hook);
  };
  app.addHook = wrapped as unknown as FastifyInstance['addHook'];
  try {
    await app.register(fastifyMultipart, options);
  } finally {
    app.addHook = addHook;
  }
}

/**
 * What busboy (under @fastify/multipart) throws for a body it cannot read: plain Errors with no
 * code or status, which would otherwise answer 500. Matched by message, on multipart requests only.
 */
const BAD_MULTIPART: readonly { pattern: RegExp; status: number; message: string }[] = [
  {
    pattern: /^(Multipart: Boundary not found|Boundary required|The needle cannot (be an empty|have a length bigger))/,
    status: 400,
    message: 'the multipart/form-data body has no usable boundary; send Content-Type: multipart/form-data; boundary=…',
  },
  {
    pattern: /(^Unexpected end of multipart data$|terminated early due to unexpected end of multipart data$)/,
    status: 400,
    message: 'the multipart/form-data body is truncated',
  },
  { pattern: /^(Unsupported Content-Type\.|Missing Content-Type-header\.)$/, status: 415, message: 'send the file as multipart/form-data' },
];

/** The @fastify/multipart limits, answered with their own status (413 for too much, 400 for a forbidden field name). */
const MULTIPART_CODES: Record<string, { status: number; message: string }> = {
  FST_PARTS_LIMIT: { status: 413, message: 'the form has more parts than allowed' },
  FST_FILES_LIMIT: { status: 413, message: 'the form has more files than allowed' },
  FST_FIELDS_LIMIT: { status: 413, message: 'the form has more fields than allowed' },
  FST_PROTO_VIOLATION: { status: 400, message: 'a form field may not be named __proto__ or constructor' },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, message: 'a form field declared as JSON is not valid JSON' },
  FST_MP_PREMATURE_CLOSE: { status: 400, message: 'the request was closed before the multipart body was complete' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, message: 'send the file as multipart/form-data' },
};

/** The 4xx answer for an error reading a multipart body, or null when the error is something else. */
export function multipartRefusal(error: { message?: string; code?: string }, request: FastifyRequest) {
  if (error.code) return MULTIPART_CODES[error.code] ?? null;
  const type = request.headers['content-type'];
  if (type === undefined || !MULTIPART.test(type)) return null;
  return BAD_MULTIPART.find((known) => known.pattern.test(error.message ?? '')) ?? null;
}
