import { API, HANDLE_RESPONSE_CODES as RC } from '@suilian/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { serveEndpoint, serveRawEndpoint } from '../../platform/http/endpoint-route.js';
import type { HandleAnswer, HandleApi } from './handle-api.service.js';
import { registerReverseLookupServlet } from './hrls.routes.js';
import { parseHandleBasic } from './logic/basic-auth.js';
import { HandleFailure, httpStatusOf } from './logic/codes.js';
import type { WindowLimiter } from './logic/rate-limit.js';
import { decodePathPart, isSyntaxProblem } from './logic/syntax.js';
import type { LookupService } from './lookup.service.js';
import { entityTag } from './resolver.js';

export interface HandleRouteDeps {
  api: HandleApi;
  lookup: LookupService;
  /** Anonymous resolutions per client address and minute. */
  limiter: WindowLimiter;
  /** Handle's `index:handle` identity with its secret (the API token): the token's own admin handle at 300 only. */
  authenticateHandleIdentity(
    identity: { index: number; handle: string; secret: string },
    meta: { requestId: string; clientIp: string },
  ): Promise<Actor | null>;
}

// The resolve, PUT and DELETE endpoints' path without its `*`: the handle is the rest of the URL.
const BASE = API.resolveHandle.path.slice(0, -1);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON from bytes that must be UTF-8; `__proto__` keys are refused like the platform parser does. */
export function parseStrictJson(body: Buffer): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    return new HandleFailure(RC.INVALID_VALUE, 'the body is not valid UTF-8');
  }
  try {
    return JSON.parse(text, (key, value) => {
      if (key === '__proto__') throw new Error('__proto__');
      return value;
    });
  } catch {
    return new HandleFailure(RC.INVALID_VALUE, 'the body is not valid JSON');
  }
}

/** Everything after /api/handles/ up to the query, percent-decoded as UTF-8 (`/` and `%2F` alike). */
export function handleFromUrl(url: string, base = BASE): string {
  const path = url.slice(base.length);
  const q = path.indexOf('?');
  const decoded = decodePathPart(q < 0 ? path : path.slice(0, q));
  if (isSyntaxProblem(decoded)) throw new HandleFailure(RC.INVALID_HANDLE, decoded.message);
  return decoded;
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const flag = (v: unknown, fallback: boolean): boolean => {
  const last = list(v).at(-1);
  if (last === undefined) return fallback;
  return last === '' || last.toLowerCase() === 'true' || last === '1';
};

/** PUT's `index=`: repeated numbers, or `various` (the manual's shortcut: the indexes of the body's values). */
function putIndexesOf(v: unknown): { indexes: number[]; various: boolean } {
  const given = list(v);
  if (given.some((s) => s.toLowerCase() === 'various')) {
    if (given.length > 1)
      throw new HandleFailure(RC.INVALID_VALUE, 'index=various stands alone: do not combine it with other index= values');
    return { indexes: [], various: true };
  }
  return { indexes: indexesOf(v), various: false };
}

function indexesOf(v: unknown): number[] {
  return list(v).map((s) => {
    if (!/^\d{1,10}$/.test(s)) throw new HandleFailure(RC.INVALID_VALUE, `index=${s} is not a whole number`);
    return Number(s);
  });
}

function optionalInt(v: unknown, name: string): number | undefined {
  const last = list(v).at(-1);
  if (last === undefined || last === '') return undefined;
  if (!/^\d{1,9}$/.test(last)) throw new HandleFailure(RC.INVALID_VALUE, `${name} must be a whole number ≥ 0`);
  return Number(last);
}

// Reads are open to any origin; no cookies are read on these routes, so nothing leaks with them.
function openCors(reply: FastifyReply) {
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The challenges of a 401: Handle's own scheme first (as the manual's servers do) and Basic, the one
 * this server accepts (`index%3Ahandle:secret`); Handle's challenge-response sessions are not offered.
 */
const WWW_AUTHENTICATE = 'Handle realm="handle", Basic realm="handle", charset="UTF-8"';

function send(reply: FastifyReply, answer: HandleAnswer, ifNoneMatch?: string) {
  const body = answer.body;
  const bytes = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  if (answer.cache) {
    const etag = answer.cache.etag ?? entityTag(bytes);
    reply.header('etag', etag).header('cache-control', answer.cache.cacheControl);
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) return reply.code(304).send();
  }
  return reply.code(answer.status).type(JSON_TYPE).send(bytes);
}

/** If-None-Match: `*` or a list of tags, weak ones compared weakly (RFC 9110 §13.1.2). */
function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Any failure as a Handle answer `{ responseCode, handle?, message }` with the manual's HTTP status. */
function sendFailure(request: FastifyRequest, reply: FastifyReply, err: unknown, context: 'resolve' | 'write', handle?: string) {
  if (err instanceof HandleFailure) {
    const body = {
      responseCode: err.responseCode,
      ...((err.handle ?? handle) ? { handle: err.handle ?? handle } : {}),
      message: err.message,
      // Which fields were refused, as the platform's details.issues (field, rule, message).
      ...(Array.isArray(err.details) && err.details.length ? { details: { issues: err.details } } : {}),
    };
    const status = httpStatusOf(err.responseCode, context);
    if (status === 401) reply.header('www-authenticate', WWW_AUTHENTICATE);
    return send(reply, { status, body });
  }
  if (err instanceof AppError && err.status < 500) {
    return send(reply, { status: err.status, body: { responseCode: RC.ERROR, ...(handle ? { handle } : {}), message: err.message } });
  }
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return send(reply, {
      status: 400,
      body: { responseCode: RC.INVALID_VALUE, ...(handle ? { handle } : {}), message: (err as Error).message },
    });
  }
  request.log.error({ err }, 'handle request failed');
  return send(reply, { status: 500, body: { responseCode: RC.ERROR, ...(handle ? { handle } : {}), message: 'internal server error' } });
}

/**
 * Fastify refuses URLs whose percent-escapes are not UTF-8 before routing; on the Handle API that is
 * an invalid handle (102), answered in the Handle shape; elsewhere the platform's error envelope.
 */
export function answerBadUrl(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (request.url.startsWith(BASE)) {
    openCors(reply);
    void send(reply, { status: 400, body: { responseCode: RC.INVALID_HANDLE, message: 'the handle is not valid UTF-8' } });
    return;
  }
  void reply.status(400).send({ error: { code: 'BAD_REQUEST', message: error.message, requestId: String(request.id) } });
}

/** The Handle.Net v9 JSON REST API (manual ch. 14) on /api/handles and /api/prefixes. */
export function registerHandleRoutes(app: FastifyInstance, deps: HandleRouteDeps) {
  /** Bearer (resolved by the auth hook) or Handle's Basic `300%3A<admin handle>:<token>`; failures are 401. */
  async function caller(request: FastifyRequest): Promise<Actor | null> {
    if (request.actor) return request.actor;
    const header = request.headers.authorization;
    if (!header) return null;
    if (/^Bearer\s/i.test(header)) throw new HandleFailure(RC.AUTHENTICATION_FAILED, 'the API token is unknown, expired or revoked');
    if (/^Handle\s/i.test(header))
      throw new HandleFailure(
        RC.AUTHENTICATION_FAILED,
        'client certificates and Handle challenge-response are not accepted: use Basic 300%3A<admin handle>:<API token>',
      );
    const identity = parseHandleBasic(header);
    if (!identity)
      throw new HandleFailure(RC.AUTHENTICATION_FAILED, 'unrecognised credentials: use Basic 300%3A<admin handle>:<API token>');
    const actor = await deps.authenticateHandleIdentity(
      { index: identity.index, handle: identity.adminHandle, secret: identity.secret },
      { requestId: String(request.id), clientIp: request.ip },
    );
    if (!actor) throw new HandleFailure(RC.AUTHENTICATION_FAILED, `authentication failed for ${identity.index}:${identity.adminHandle}`);
    return actor;
  }

  const errorHandler = (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendFailure(request, reply, err, 'write');

  function tooBusy(reply: FastifyReply, handle: string | undefined, wait: number) {
    reply.header('retry-after', String(wait));
    return send(reply, {
      status: 429,
      body: { responseCode: RC.SERVER_TOO_BUSY, handle, message: `too many resolutions; retry in ${wait} s` },
    });
  }

  /**
   * The hot path — an anonymous, unfiltered resolution of a cached handle — answered synchronously
   * with the record's pre-serialised bytes. Returns the rate-limit wait taken (so the general path
   * does not take it twice), or true when it answered.
   */
  function answerCached(request: FastifyRequest, reply: FastifyReply): number | true | undefined {
    if (request.actor !== null || request.headers.authorization !== undefined || request.url.includes('?')) return undefined;
    let handle: string;
    try {
      handle = handleFromUrl(request.url);
    } catch {
      return undefined;
    }
    const wait = deps.limiter.take(request.ip);
    if (wait > 0) return wait;
    const entry = deps.api.cachedPublic(handle);
    if (entry?.publicBody === undefined) return 0;
    const etag = entry.publicEtag as string;
    reply.header('etag', etag).header('cache-control', entry.publicCacheControl as string);
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) {
      void reply.code(304).send();
      return true;
    }
    const body = entry.publicBody;
    void reply.code(200).header('content-type', JSON_TYPE).header('content-length', String(body.length)).send(body);
    return true;
  }

  // A raw endpoint: the handler runs as it is, synchronously for the cached anonymous answer.
  serveRawEndpoint(
    app,
    API.resolveHandle,
    (request, reply) => {
      openCors(reply);
      const taken = answerCached(request, reply);
      // Fastify treats a returned promise as the answer; undefined means the reply was sent above.
      return taken === true ? undefined : resolveRoute(request, reply, taken);
    },
    { errorHandler },
  );

  async function resolveRoute(request: FastifyRequest, reply: FastifyReply, taken: number | undefined) {
    let handle: string | undefined;
    try {
      handle = handleFromUrl(request.url);
      const query = request.query as Record<string, unknown>;
      const actor = await caller(request);
      if (!actor) {
        const wait = taken ?? deps.limiter.take(request.ip);
        if (wait > 0) return tooBusy(reply, handle, wait);
      }
      if (query.redirect !== undefined && flag(query.redirect, true)) {
        const location = await deps.api.redirectTarget(handle);
        return reply.code(302).header('location', location).header('cache-control', 'no-store').send();
      }
      const publicOnly = query.publicOnly === undefined ? undefined : flag(query.publicOnly, true);
      const answer = await deps.api.resolve(actor, handle, { indexes: indexesOf(query.index), types: list(query.type), publicOnly });
      return send(reply, answer, request.headers['if-none-match']);
    } catch (err) {
      return sendFailure(request, reply, err, 'resolve', handle);
    }
  }

  // Handle values are UTF-8 only: the PUT body is decoded strictly (the platform's JSON parser
  // would turn invalid bytes into U+FFFD and store them).
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
      const parsed = parseStrictJson(body as Buffer);
      if (parsed instanceof HandleFailure) done(parsed, undefined);
      else done(null, parsed);
    });
    serveRawEndpoint(
      scope,
      API.putHandle,
      async (request, reply) => {
        let handle: string | undefined;
        try {
          handle = handleFromUrl(request.url);
          const query = request.query as Record<string, unknown>;
          const actor = await caller(request);
          const options = {
            overwrite: flag(query.overwrite, true),
            mintNewSuffix: flag(query.mintNewSuffix, false),
            ...putIndexesOf(query.index),
          };
          return send(reply, await deps.api.put(actor, handle, options, request.body));
        } catch (err) {
          return sendFailure(request, reply, err, 'write', handle);
        }
      },
      { errorHandler },
    );
  });

  serveRawEndpoint(
    app,
    API.deleteHandle,
    async (request, reply) => {
      let handle: string | undefined;
      try {
        handle = handleFromUrl(request.url);
        const actor = await caller(request);
        return send(reply, await deps.api.remove(actor, handle, indexesOf((request.query as Record<string, unknown>).index)));
      } catch (err) {
        return sendFailure(request, reply, err, 'write', handle);
      }
    },
    { errorHandler },
  );

  serveRawEndpoint(
    app,
    API.listHandles,
    async (request, reply) => {
      openCors(reply);
      try {
        const query = request.query as Record<string, unknown>;
        const prefix = list(query.prefix).at(-1);
        if (!prefix) throw new HandleFailure(RC.INVALID_VALUE, 'prefix= is required');
        const actor = await caller(request);
        return send(reply, {
          status: 200,
          body: await deps.api.list(actor, prefix, optionalInt(query.page, 'page'), optionalInt(query.pageSize, 'pageSize')),
        });
      } catch (err) {
        return sendFailure(request, reply, err, 'write');
      }
    },
    { errorHandler },
  );

  serveRawEndpoint(
    app,
    API.listServedHandlePrefixes,
    async (request, reply) => {
      openCors(reply);
      try {
        const query = request.query as Record<string, unknown>;
        return send(reply, {
          status: 200,
          body: await deps.api.prefixes(optionalInt(query.page, 'page'), optionalInt(query.pageSize, 'pageSize')),
        });
      } catch (err) {
        return sendFailure(request, reply, err, 'write');
      }
    },
    { errorHandler },
  );

  registerReverseLookupServlet(app, {
    lookup: deps.lookup,
    caller,
    fail: (request, reply, err) => sendFailure(request, reply, err, 'write'),
  });

  // CORS preflight for reads from any origin (GET with Accept/Authorization headers; no credentials).
  for (const endpoint of [API.preflightHandle, API.preflightHandleList, API.preflightServedHandlePrefixes]) {
    serveEndpoint(app, endpoint, async (_request, reply) => {
      openCors(reply);
      reply.header('access-control-allow-methods', 'GET, HEAD, OPTIONS');
      reply.header('access-control-allow-headers', 'Accept, Authorization, Content-Type');
      reply.header('access-control-max-age', '86400');
      return reply.code(204).send();
    });
  }
}
