import { API, HANDLE_LIMITS, HANDLE_RESPONSE_CODES as RC } from '@suilian/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import { serveRawEndpoint } from '../../platform/http/endpoint-route.js';
import { HandleFailure } from './logic/codes.js';
import { hasControl, isWellFormed } from './logic/syntax.js';
import type { LookupService } from './lookup.service.js';

export interface ReverseLookupServletDeps {
  lookup: LookupService;
  /** The Handle routes' authentication (Bearer or Basic `300%3A<admin handle>`; failures are 401). */
  caller(request: FastifyRequest): Promise<Actor | null>;
  fail(request: FastifyRequest, reply: FastifyReply, err: unknown): unknown;
}

const MAX_MATCHES = 200;

/**
 * `GET /hrls/handles?URL=…&CHECKSUM=…`: the reverse-lookup servlet's path and answer (a JSON list
 * of handles) that PYHANDLE's search_handle reads, over the platform's exact-match reverse lookup
 * with its visibility rules. Every pair must hold on one handle; `limit=` caps the list.
 */
export function registerReverseLookupServlet(app: FastifyInstance, deps: ReverseLookupServletDeps) {
  serveRawEndpoint(
    app,
    API.searchHandlesByValue,
    async (request, reply) => {
      reply.header('access-control-allow-origin', '*');
      try {
        const { pairs, limit } = criteriaOf(request.query as Record<string, unknown>);
        const actor = await deps.caller(request);
        let found: string[] | null = null;
        for (const [type, value] of pairs) {
          const page = await deps.lookup.reverse(actor, { value, type, page: 1, pageSize: MAX_MATCHES });
          const handles = [...new Set(page.items.map((i) => i.handle))];
          found = found === null ? handles : found.filter((h) => handles.includes(h));
        }
        return reply
          .code(200)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify((found ?? []).slice(0, limit)));
      } catch (err) {
        return deps.fail(request, reply, err) as FastifyReply;
      }
    },
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
  );
}

/** The type=value pairs of the query (each type once) and the limit; no pair at all is a 400. */
function criteriaOf(query: Record<string, unknown>): { pairs: Array<[string, string]>; limit: number } {
  let limit = MAX_MATCHES;
  const pairs: Array<[string, string]> = [];
  for (const [key, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? String(raw.at(-1)) : String(raw);
    if (key === 'limit') {
      if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_MATCHES)
        throw new HandleFailure(RC.INVALID_VALUE, `limit must be a whole number from 1 to ${MAX_MATCHES}`);
      limit = Number(value);
    } else if (value === '' || value.length > 2048 || value.includes('\u0000') || !isWellFormed(value)) {
      throw new HandleFailure(RC.INVALID_VALUE, `${key}= needs a value of at most 2,048 characters of valid text`);
    } else if (key.length > HANDLE_LIMITS.types || hasControl(key) || !isWellFormed(key)) {
      throw new HandleFailure(RC.INVALID_VALUE, `${key.slice(0, 64)} is not a value type`);
    } else pairs.push([key, value]);
  }
  if (pairs.length === 0) throw new HandleFailure(RC.INVALID_VALUE, 'name at least one <TYPE>=<value> pair, e.g. URL=https://…');
  return { pairs, limit };
}
