import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

type Headers = Record<string, string>;

/** The console's document policy; Ant Design writes its styles at run time (CSS-in-JS). */
const DOCUMENT_CSP = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    upgradeInsecureRequests: null,
  },
};

/**
 * Helmet's headers for HTML documents, computed once by running Helmet against a recording
 * response (so the set stays exactly Helmet's, and follows Helmet upgrades).
 */
export function documentHeaders(): Headers {
  const recorded: Headers = {};
  const recorder = {
    setHeader: (name: string, value: string) => {
      recorded[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete recorded[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  helmet({ contentSecurityPolicy: DOCUMENT_CSP })({} as never, recorder, () => undefined);
  return recorded;
}

/**
 * API responses (JSON, CSV, PDF, file downloads) are never documents the console runs, so they get
 * a CSP that allows nothing (an API URL opened as a page — an uploaded SVG, say — runs no script)
 * plus the headers that act on any response. Headers that only govern documents (COOP,
 * Origin-Agent-Cluster, DNS prefetch, IE's download and XSS switches) are left off. ADR 0010.
 */
export function apiHeaders(document: Headers): Headers {
  const keep = [
    'strict-transport-security',
    'x-content-type-options',
    'x-frame-options',
    'referrer-policy',
    'cross-origin-resource-policy',
    'x-permitted-cross-domain-policies',
  ];
  const headers: Headers = { 'content-security-policy': "default-src 'none'; frame-ancestors 'self'" };
  for (const name of keep) if (document[name] !== undefined) headers[name] = document[name];
  return headers;
}

const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * Security headers and the request id on every response, from header objects built once at
 * start-up and set in one call (no Helmet middleware chain per request): the API set under /api,
 * Helmet's document set elsewhere and on any HTML an API route returns (printable reports shown in
 * the console's preview frame). The Swagger UI under /api/docs brings its own CSP. ADR 0010.
 */
export function registerSecurityHeaders(app: FastifyInstance) {
  const document = documentHeaders();
  const api = apiHeaders(document);
  const onRequest = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const url = request.url;
    if (isApi(url)) reply.headers(api);
    else if (!url.startsWith('/api/docs')) reply.headers(document);
    done();
  };
  app.addHook('onRequest', onRequest);
  // Synchronous on purpose: an async hook costs every response a promise and a microtask.
  const onSend = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
    reply.header('x-request-id', request.id);
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html') && isApi(request.url)) reply.headers(document);
    done(null, payload);
  };
  app.addHook('onSend', onSend);
}
