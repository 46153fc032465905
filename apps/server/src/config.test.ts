import { describe, expect, it } from 'vitest';
import { ConfigSchema, toConfig } from './config.js';

describe('config', () => {
  it('defaults to embedded PostgreSQL with demo data on port 8080', () => {
    const config = toConfig(ConfigSchema.parse({}));
    expect(config).toMatchObject({ port: 8080, databaseUrl: undefined, demo: true });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('loads demo data into an external database only with SUILIAN_DEMO=1', () => {
    expect(toConfig(ConfigSchema.parse({ DATABASE_URL: 'postgres://x@h/db' })).demo).toBe(false);
    expect(toConfig(ConfigSchema.parse({ DATABASE_URL: 'postgres://x@h/db', SUILIAN_DEMO: '1' })).demo).toBe(true);
  });

  it('names the variable that is wrong', () => {
    const result = ConfigSchema.safeParse({ PORT: 'eighty' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['PORT']);
  });
});
