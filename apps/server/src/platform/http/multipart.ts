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
