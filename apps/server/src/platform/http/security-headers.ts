import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * CSP and the usual security headers from Helmet. @fastify/helmet rebuilds Helmet's middleware
 * (and re-parses the CSP) on every request; building it once here keeps the same headers at a
 * fraction of the cost (docs/performance.md, the /api/auth/me benchmark).
 */
export function registerSecurityHeaders(app: FastifyInstance) {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  const swallow = () => undefined;
  app.addHook('onRequest', (request, reply, done) => {
    // The Swagger UI brings its own CSP for its static files.
    if (!request.url.startsWith('/api/docs')) applyHeaders(request.raw, reply.raw, swallow);
    done();
  });
}
