import {
  type Access,
  type BodyOf,
  type Endpoint,
  type EndpointSpec,
  type ParamsOf,
  permissionsOf,
  type QueryOf,
  type ReplyOf,
} from '@suilian/contracts';
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteHandlerMethod,
  RouteOptions,
  RouteShorthandOptions,
} from 'fastify';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The catalogue entry this route serves (set by `serveEndpoint`; read by the access check and the matrix test). */
    endpoint?: Endpoint;
  }
}

/** A request whose params, query and body have the endpoint's parsed types. */
export type EndpointRequest<E extends EndpointSpec> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & {
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  /** The original Fastify request, for what the typed view hides (multipart, raw url). */
  raw: FastifyRequest['raw'];
};

/**
 * A handler returns the JSON body of the endpoint's response (sent with its success status), or,
 * for file and empty answers, the reply it has sent itself.
 */
export type EndpointHandler<E extends EndpointSpec> = (
  request: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<E['responseKind'] extends 'file' | 'empty' ? FastifyReply | undefined : ReplyOf<E> | FastifyReply>;

/**
 * The handler of a `raw` endpoint (a protocol's own answers, e.g. Handle.Net): it reads the request
 * and sends the reply itself, synchronously when it can; nothing wraps it, so a hot path stays as
 * cheap as a bare Fastify route.
 */
export type RawEndpointHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | undefined | Promise<FastifyReply | undefined>;

export interface ServeOptions {
  /** Server-side route settings the catalogue does not carry (rate limits from configuration). */
  config?: Pick<FastifyContextConfig, 'rateLimit'>;
  /** Content-type parsers or body limits of routes that read their body themselves. */
  bodyLimit?: number;
  /** A route's own error answers (a protocol whose errors are not the platform's envelope). */
  errorHandler?: RouteShorthandOptions['errorHandler'];
}

function describeAccess(access: Access): string {
  if (access === 'public') return 'Access: anyone, no login.';
  if (access === 'authenticated') return 'Access: any logged-in account.';
  return `Access: ${permissionsOf(access).join(' or ')}.`;
}

/**
 * Registers the handler of one catalogue endpoint: method, path, schemas, success status and
 * access all come from the declaration (packages/contracts/src/endpoints), none is restated here.
 */
export function serveEndpoint<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: EndpointHandler<E>,
  options: ServeOptions = {},
) {
  app.route(
    routeOf(endpoint, options, async (request, reply) => {
      const result = await handler(request as unknown as EndpointRequest<E>, reply);
      if (result === reply || reply.sent) return reply;
      if (endpoint.success === 204) return reply.status(204).send();
      return reply.status(endpoint.success).send(result);
    }),
  );
}

/**
 * Registers the handler of a `raw` catalogue endpoint as it is: no validation, no response schema,
 * no wrapper (a protocol's hot path, e.g. Handle.Net resolution, stays a bare Fastify route). Its
 * declared schemas type the clients only.
 */
export function serveRawEndpoint<E extends Endpoint & { responseKind: 'raw' }>(
  app: FastifyInstance,
  endpoint: E,
  handler: RawEndpointHandler,
  options: ServeOptions = {},
) {
  app.route(routeOf(endpoint, options, handler as RouteHandlerMethod));
}

/**
 * Makes the catalogue the only way onto /api: records every /api route registered without a
 * catalogue declaration (Swagger's own /api/docs aside) and returns the check that refuses to
 * start the server when there is one. Call it before the first route, and the check after the last.
 */
export function guardCatalogue(app: FastifyInstance): () => void {
  const stray: string[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const config = route.config as FastifyContextConfig | undefined;
    if (!config?.endpoint) stray.push(`${String(route.method)} ${route.url}`);
  });
  return () => {
    if (stray.length > 0)
      throw new Error(`routes outside the endpoint catalogue (declare them in packages/contracts/src/endpoints): ${stray.join(', ')}`);
  };
}

/**
 * A query schema that refuses parameters it does not name (issue #11 item 7): a misspelt filter or
 * an unknown parameter is answered 400 naming it, never silently ignored. Object schemas are made
 * strict here, once, whatever their declaration says; other shapes are left as declared.
 */
export function strictQuery(query: z.ZodType): z.ZodType {
  return query instanceof z.ZodObject ? query.strict() : query;
}

function routeOf(endpoint: Endpoint, options: ServeOptions, handler: RouteHandlerMethod): RouteOptions {
  // A raw endpoint's schemas type its clients; its handler parses the request itself.
  const raw = endpoint.responseKind === 'raw';
  const schema: Record<string, unknown> = {
    tags: [...endpoint.tags],
    operationId: endpoint.name,
    description: [endpoint.description ?? endpoint.summary, describeAccess(endpoint.access)].filter(Boolean).join('\n\n'),
  };
  if (endpoint.summary) schema.summary = endpoint.summary;
  if (endpoint.params && !raw) schema.params = endpoint.params;
  if (endpoint.query && !raw) schema.querystring = strictQuery(endpoint.query);
  if (endpoint.body && !raw) schema.body = endpoint.body;
  if (endpoint.upload) schema.consumes = ['multipart/form-data'];
  if (endpoint.response) schema.response = { [endpoint.success]: endpoint.response };
  return {
    method: endpoint.method,
    url: endpoint.path,
    schema,
    config: {
      ...options.config,
      endpoint,
      ...(endpoint.access === 'public' ? { auth: 'public' as const } : {}),
      ...(endpoint.allowPendingPasswordChange ? { allowPendingPasswordChange: true } : {}),
      ...(endpoint.allowPendingSecondFactor ? { allowPendingSecondFactor: true } : {}),
      ...(endpoint.allowPendingEnrolment ? { allowPendingEnrolment: true } : {}),
    },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.errorHandler ? { errorHandler: options.errorHandler } : {}),
    handler,
  };
}
