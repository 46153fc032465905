import { describe, expect, it } from 'vitest';
import { CheckedConfigSchema, ConfigSchema, describeSettings, toConfig } from './config.js';

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

  it('documents every variable once, with the default an unset variable really gets', () => {
    const settings = describeSettings();
    expect(settings.map((s) => s.name)).toEqual(Object.keys(ConfigSchema.shape));
    for (const s of settings) expect(s.description.length, s.name).toBeGreaterThan(10);
    const shown = Object.fromEntries(settings.map((s) => [s.name, s.shownDefault]));
    // The defaults the README has always promised.
    expect(shown).toMatchObject({
      PORT: '`8080`',
      HOST: '`0.0.0.0`',
      DATA_DIR: '`./data`',
      DATABASE_URL: 'unset',
      SUILIAN_DEMO: '`0`',
      LOG_LEVEL: '`info`',
      ACCESS_LOG: '`0`',
      TRUST_PROXY: '`false`',
      BODY_LIMIT: '`1048576`',
      SESSION_TTL_HOURS: '`12`',
      LOGIN_MAX_FAILURES: '`5`',
      LOGIN_LOCK_MINUTES: '`15`',
      LOGIN_RATE_PER_MINUTE: '`20`',
      EMBEDDED_PG_PORT: 'random free',
      SMTP_URL: 'unset',
      MAIL_FROM: 'unset',
      MAIL_POLL_SECONDS: '`30`',
      REMINDER_DAYS_BEFORE: '`3`',
      REMINDER_INTERVAL_MINUTES: '`60`',
      HANDLE_PREFIXES: '`88.118`',
      HANDLE_RESOLVE_RATE_PER_MINUTE: '`1200`',
      HANDLE_STATS_FLUSH_SECONDS: '`10`',
    });
  });

  it('turns the defaults into the settings the server uses', () => {
    expect(toConfig(ConfigSchema.parse({}))).toMatchObject({
      host: '0.0.0.0',
      logLevel: 'info',
      bodyLimit: 1_048_576,
      sessionTtlMs: 12 * 3_600_000,
      loginMaxFailures: 5,
      loginLockMs: 15 * 60_000,
      loginRatePerMinute: 20,
      embeddedPgPort: 0,
      trustProxy: false,
      accessLog: false,
      secureCookies: false,
      mailPollMs: 30_000,
      reminderDaysBefore: 3,
      reminderIntervalMs: 60 * 60_000,
      handlePrefixes: ['88.118'],
      handleResolveRatePerMinute: 1200,
      handleStatsFlushMs: 10_000,
    });
  });

  it('reads flags as 1/true and a comma-separated prefix list', () => {
    const config = toConfig(
      ConfigSchema.parse({
        ACCESS_LOG: 'true',
        TRUST_PROXY: '1',
        PUBLIC_URL: 'https://suilian.example.gov.cn',
        HANDLE_PREFIXES: ' 88.118, 88.119 ,',
      }),
    );
    expect(config).toMatchObject({ accessLog: true, trustProxy: true, secureCookies: true, handlePrefixes: ['88.118', '88.119'] });
    expect(ConfigSchema.safeParse({ ACCESS_LOG: 'yes' }).error?.issues[0]?.path).toEqual(['ACCESS_LOG']);
  });
});

describe('native Handle protocol settings (#13 item 2)', () => {
  it('reads HANDLE_NATIVE_PORT as a port, 0 or off, and advertises it in HS_SITE unless HANDLE_SITE_PORT says otherwise', () => {
    expect(toConfig(ConfigSchema.parse({})).handleNativePort).toBe(2641);
    expect(toConfig(ConfigSchema.parse({ HANDLE_NATIVE_PORT: 'off' })).handleNativePort).toBe(0);
    expect(toConfig(ConfigSchema.parse({ HANDLE_NATIVE_PORT: '0' })).handleNativePort).toBe(0);
    expect(ConfigSchema.safeParse({ HANDLE_NATIVE_PORT: '70000' }).success).toBe(false);
    expect(ConfigSchema.safeParse({ HANDLE_NATIVE_PORT: 'on' }).success).toBe(false);
    expect(toConfig(ConfigSchema.parse({ HANDLE_NATIVE_PORT: '12641', HANDLE_SITE_ADDRESS: '2001:db8::5' })).handleSite).toEqual({
      address: '2001:db8::5',
      port: 12641,
      httpPort: undefined,
    });
    expect(toConfig(ConfigSchema.parse({ HANDLE_SITE_PORT: '2642' })).handleSite.port).toBe(2642);
    expect(ConfigSchema.safeParse({ HANDLE_SITE_ADDRESS: 'handle.example.cn' }).success).toBe(false);
  });
});
