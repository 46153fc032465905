// Baseline server for bench/http.ts: a bare Fastify (the server's own copy, no plugins, no
// logger) with one route that returns the bytes in BODY_FILE as CONTENT_TYPE.
//   PORT=… BODY_FILE=… CONTENT_TYPE=… ROUTE=/api/auth/me node bench/lib/bare-fastify.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromServer = createRequire(join(root, 'apps', 'server', 'package.json'));
const { default: Fastify } = await import(pathToFileURL(requireFromServer.resolve('fastify')).href);

const body = readFileSync(process.env.BODY_FILE ?? '');
const contentType = process.env.CONTENT_TYPE ?? 'application/json; charset=utf-8';
const app = Fastify({ logger: false });
app.get(process.env.ROUTE ?? '/api/auth/me', (_request, reply) => {
  reply.header('content-type', contentType).send(body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
for (const sig of ['SIGTERM', 'SIGINT']) process.once(sig, () => app.close().then(() => process.exit(0)));
