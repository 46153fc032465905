import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler.js';

/**
 * Serves the built console from apps/web/dist with history-API fallback to index.html;
 * unknown /api paths answer with the JSON error envelope instead.
 */
export async function registerWebConsole(app: FastifyInstance, webDistDir: string) {
  const built = existsSync(join(webDistDir, 'index.html'));
  if (built) {
    // wildcard: files are looked up per request, so a rebuilt console is served without a restart;
    // a missing file falls through to the not-found handler below (SPA fallback).
    await app.register(fastifyStatic, { root: webDistDir, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendError(reply, 404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web console is not built. Run `npm run build` (npm start does it for you).');
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
