/**
 * The Suilian app for bench/handle-native.ts in its own process: buildApp over DATABASE_URL from the
 * TypeScript sources, HTTP on PORT and the native Handle protocol (UDP and TCP) on NATIVE_PORT.
 *   DATABASE_URL=… PORT=… NATIVE_PORT=… DATA_DIR=… node --import tsx bench/lib/handle-native-server.ts
 */
import { buildApp } from '../../apps/server/src/app.ts';
import { ConfigSchema, toConfig } from '../../apps/server/src/config.ts';
import { connectDatabase } from '../../apps/server/src/db/client.ts';

const config = toConfig(ConfigSchema.parse({ LOG_LEVEL: 'warn', ...process.env, HANDLE_NATIVE_PORT: '0' }));
const database = connectDatabase(config.databaseUrl ?? '', { max: 10 });
const app = await buildApp({ config, database, webDistDir: '/nonexistent' });
await app.listen({ port: config.port, host: '127.0.0.1' });
await app.handleNative.listen({ port: Number(process.env.NATIVE_PORT), host: '127.0.0.1' });
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.once(sig, () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
