import { rmSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase, ensureDatabaseExists, migrateDatabase } from '../src/db/client.js';
import { type EmbeddedPostgres, scratchDir, startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { createAuditService } from '../src/platform/audit/audit.service.js';
import { systemClock } from '../src/platform/clock.js';
import { installJobQueue } from '../src/platform/jobs/queue.js';
import { loadReferenceData } from '../src/seed/reference.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL per run: the system one at DATABASE_URL (CI's PostgreSQL 15 pass) or an embedded
 * throwaway cluster. A migrated template with reference data is cloned by each test file.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = scratchDir('suilian-test-pg');
    // Throwaway cluster: durability is not needed, speed is.
    embedded = await startEmbeddedPostgres({ dir, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
    adminUrl = embedded.adminUrl;
  }
  const templateDatabase = `suilian_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.end();
  await ensureDatabaseExists(adminUrl, templateDatabase);
  const templateUrl = withDatabase(adminUrl, templateDatabase);
  const database = connectDatabase(templateUrl, { max: 2 });
  await migrateDatabase(database);
  // The job queue's schema (pg-boss installs it at boot): installed once here, cloned with each test database.
  await installJobQueue(database.pool);
  await loadReferenceData(database.db, { clock: systemClock, audit: createAuditService({ db: database.db, clock: systemClock }) });
  await database.close();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`).catch(() => undefined);
    await client.end();
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
