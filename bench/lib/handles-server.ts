/**
 * The Suilian app for bench/handles.ts in its own process (so the load generator does not share its
 * event loop): buildApp over DATABASE_URL from the TypeScript sources, listening on PORT.
 *   DATABASE_URL=… PORT=… DATA_DIR=… node --import tsx bench/lib/handles-server.ts
 */
import { buildApp } from '../../apps/server/src/app.ts';
import { ConfigSchema, toConfig } from '../../apps/server/src/config.ts';
import { connectDatabase } from '../../apps/server/src/db/client.ts';

const config = toConfig(ConfigSchema.parse({ LOG_LEVEL: 'warn', ...process.env }));
const database = connectDatabase(config.databaseUrl ?? '', { max: 10 });
const app = await buildApp({ config, database, webDistDir: '/nonexistent' });
await app.listen({ port: config.port, host: '127.0.0.1' });
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.once(sig, () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
