import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../platform/paths.js';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

// timestamptz values come back as Date; numeric(18,2) stays a string (money must not become a float).
export function connectDatabase(
  url: string,
  options: { max?: number; logQuery?: (query: string, params: unknown[]) => void } = {},
): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: 'suilian' });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  const logQuery = options.logQuery;
  const db = drizzle(pool, { schema, ...(logQuery ? { logger: { logQuery } } : {}) });
  return { db, pool, close: () => pool.end() };
}

/** Applies the committed SQL migrations; safe to run from several instances at once. */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  const client = await database.pool.connect();
  try {
    // Serialise concurrent boots of several server instances.
    await client.query('SELECT pg_advisory_lock(727001)');
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    client.release();
  }
}

/** Creates the database named in `url` on its server when it does not exist (embedded mode). */
export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
