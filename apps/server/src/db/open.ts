import { join } from 'node:path';
import type { Config } from '../config.js';
import { connectDatabase, type Database, ensureDatabaseExists, migrateDatabase } from './client.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.js';

export interface OpenedDatabase {
  database: Database;
  embedded: EmbeddedPostgres | null;
  /** Closes the pool, then stops embedded PostgreSQL if this process started it. */
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts embedded PostgreSQL under DATA_DIR/pg; then migrates. */
export async function openDatabase(
  config: Config,
  options: { whenRunning: 'share' | 'refuse'; log: (message: string) => void },
): Promise<OpenedDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dir: join(config.dataDir, 'pg'),
      port: config.embeddedPgPort,
      whenRunning: options.whenRunning,
      log: options.log,
    });
    await ensureDatabaseExists(embedded.adminUrl, 'suilian');
    url = embedded.urlFor('suilian');
  }
  const database = connectDatabase(url);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  return {
    database,
    embedded,
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}
