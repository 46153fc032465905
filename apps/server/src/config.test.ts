import { describe, expect, it } from 'vitest';
import { CheckedConfigSchema, ConfigSchema, toConfig } from './config.js';

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

  it('takes an SMTP server as smtp:// or smtps:// and wants a sender with it', () => {
    const ok = CheckedConfigSchema.safeParse({
      SMTP_URL: 'smtp://u:p@mail.example.gov.cn:587',
      MAIL_FROM: '穗联平台 <noreply@example.gov.cn>',
    });
    expect(ok.success && toConfig(ok.data)).toMatchObject({ smtpUrl: 'smtp://u:p@mail.example.gov.cn:587', mailPollMs: 30_000 });
    const noSender = CheckedConfigSchema.safeParse({ SMTP_URL: 'smtps://mail.example.gov.cn' });
    expect(noSender.error?.issues[0]?.path).toEqual(['MAIL_FROM']);
    const http = CheckedConfigSchema.safeParse({ SMTP_URL: 'https://mail.example.gov.cn', MAIL_FROM: 'x@y.z' });
    expect(http.error?.issues[0]).toMatchObject({ path: ['SMTP_URL'], message: 'SMTP_URL must start with smtp:// or smtps://' });
  });
});
