import type { z } from 'zod';
import type { Permission } from '../roles.js';

/**
 * The endpoint catalogue's building block (ADR 0011): each HTTP endpoint is declared once, here in
 * contracts, with its method, path, schemas and the access it needs. The server registers its
 * handler against the declaration (`apps/server/src/platform/http/endpoint-route.ts`), the web's
 * client calls it by the same object (`apps/web/src/api/`), and the OpenAPI document and the
 * authorization matrix test are generated from the catalogue.
 */

/** `OPTIONS` only for CORS preflights a protocol needs (the Handle.Net REST API's open reads). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * Who may call an endpoint: holders of a permission (or of any permission in a list), any
 * logged-in account, or anyone. Scope (which records) is decided by the services' policies.
 */
export type Access = Permission | readonly [Permission, ...Permission[]] | 'authenticated' | 'public';

/**
 * What a successful answer carries besides JSON: a file to download, nothing at all, or `raw`: an
 * answer the handler writes itself in a protocol's own shape (the Handle.Net REST API: its own
 * statuses, bodies and headers). A raw endpoint declares no response, and its params/query/body
 * schemas type the clients only: the handler reads the request itself, nothing is validated before it.
 */
export type ResponseKind = 'json' | 'file' | 'empty' | 'raw';

export type SuccessStatus = 200 | 201 | 202 | 204;

export interface EndpointSpec {
  method: HttpMethod;
  /** Fastify-style path: `/api/factories/:id`; a trailing `*` takes the rest of the path (handles). */
  path: string;
  access: Access;
  /** OpenAPI tag(s): the module or resource. */
  tags: readonly string[];
  summary?: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body. */
  body?: z.ZodType;
  /** The body is multipart/form-data with one part named `file` (imports, uploads). */
  upload?: true;
  /** The success status and, for JSON answers, the schema of the body. */
  success: SuccessStatus;
  response?: z.ZodType;
  /** `file` for downloads (Excel, PDF, HTML documents, stored files); `raw` for protocol answers; default `json`, or `empty` on 204. */
  responseKind?: ResponseKind;
  /** Reachable while the account must still change its one-time password (login, me, password change). */
  allowPendingPasswordChange?: true;
  /** Reachable after the password while the second factor is still to be given (me, logout, the code). */
  allowPendingSecondFactor?: true;
  /** Reachable while the role requires a second factor the account has not enrolled (me, logout, password, enrolment). */
  allowPendingEnrolment?: true;
}

/** A declared endpoint: its spec plus the name it has in the catalogue (the OpenAPI operationId). */
export type Endpoint<S extends EndpointSpec = EndpointSpec> = S & { readonly name: string };

type Named<T extends Record<string, EndpointSpec>> = { readonly [K in keyof T]: T[K] & { readonly name: string } };

/**
 * Declares a group of endpoints; each key becomes the endpoint's name (verb-first: `listFactories`),
 * prefixed by `namespace.` for groups declared once per kind (registries: `standards.listRecords`).
 */
export function defineEndpoints<const T extends Record<string, EndpointSpec>>(specs: T, namespace?: string): Named<T> {
  const out: Record<string, Endpoint> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = Object.freeze({ ...spec, name: namespace ? `${namespace}.${key}` : key });
  return out as Named<T>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** The path parameters an endpoint takes, as the server sees them after parsing. */
export type ParamsOf<E extends EndpointSpec> = Out<E['params']>;
export type QueryOf<E extends EndpointSpec> = Out<E['query']>;
export type BodyOf<E extends EndpointSpec> = Out<E['body']>;
/** What the server's handler returns for a JSON endpoint (before serialisation). */
export type ReplyOf<E extends EndpointSpec> = E['response'] extends z.ZodType ? z.input<E['response']> : undefined;
/** What a client receives from a JSON endpoint. */
export type ResultOf<E extends EndpointSpec> = E['response'] extends z.ZodType ? z.output<E['response']> : undefined;

/** What a client passes: the inputs the schemas accept (defaults may be left out). */
export type CallInput<E extends EndpointSpec> = (E['params'] extends z.ZodType ? { params: In<E['params']> } : { params?: undefined }) &
  (E['query'] extends z.ZodType ? { query?: In<E['query']> } : { query?: undefined }) &
  (E['body'] extends z.ZodType ? { body: In<E['body']> } : { body?: undefined });

/** Whether a permission list grants the declared access (`authenticated`/`public` always do). */
export function accessAllows(access: Access, permissions: readonly Permission[]): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  if (typeof access === 'string') return permissions.includes(access);
  return access.some((p) => permissions.includes(p));
}

/** The permissions named by an access rule (empty for `authenticated`/`public`). */
export function permissionsOf(access: Access): readonly Permission[] {
  if (access === 'public' || access === 'authenticated') return [];
  return typeof access === 'string' ? [access] : access;
}

/**
 * The URL path of an endpoint with its parameters filled in and percent-encoded; a `*` parameter
 * keeps its slashes (a handle `88.118.8/ABC` stays two segments).
 */
export function pathOf(endpoint: Pick<EndpointSpec, 'path'>, params?: Record<string, unknown>): string {
  return endpoint.path.replace(/:([A-Za-z0-9_]+)|\*$/g, (match, name: string | undefined) => {
    const key = name ?? '*';
    const value = params?.[key];
    if (value === undefined || value === null || value === '') throw new Error(`${endpoint.path}: parameter ${key} is missing`);
    const text = String(value);
    return match === '*' ? text.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(text);
  });
}
