import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');

/** Every setting the server reads from the environment, validated in one place. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  SUILIAN_DEMO: booleanFlag,
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest JSON body accepted, in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Trust X-Forwarded-For from a reverse proxy (true/false, or a hop count). */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0', '']).optional(),
  /** One log line per request (off by default; errors are always logged). */
  ACCESS_LOG: booleanFlag,
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Outgoing mail server, smtp://user:pass@host:587 or smtps://…:465; unset: e-mails stay queued in the outbox. */
  SMTP_URL: z
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /** Sender of notification e-mails, e.g. "穗联平台 <noreply@example.gov.cn>"; required with SMTP_URL. */
  MAIL_FROM: z.string().min(3).optional(),
  /** Seconds between looks at the mail outbox; 0 = only when asked (POST /api/notifications/outbox/dispatch). */
  MAIL_POLL_SECONDS: z.coerce.number().int().min(0).default(30),
  /** Reporting reminders: remind districts this many days before a form's entry closes. */
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(60).default(3),
  /** Minutes between reminder runs; 0 = only when asked (POST /api/reporting/reminders/run, CLI reminders:run). */
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
  /** Identifier prefixes the platform serves (comma-separated), e.g. 88.118 (issue #6). */
  HANDLE_PREFIXES: z.string().default('88.118'),
  /** Anonymous handle resolutions per client address and minute (each server instance). */
  HANDLE_RESOLVE_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Seconds between writes of the resolution counters to handle_stat_daily; 0 = only at shutdown. */
  HANDLE_STATS_FLUSH_SECONDS: z.coerce.number().int().min(0).default(10),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Load demo data into an empty database: always in embedded mode, with SUILIAN_DEMO=1 otherwise. */
  demo: boolean;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  bodyLimit: number;
  sessionTtlMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  loginRatePerMinute: number;
  embeddedPgPort: number;
  trustProxy: boolean;
  accessLog: boolean;
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  mailPollMs: number;
  reminderDaysBefore: number;
  reminderIntervalMs: number;
  handlePrefixes: string[];
  handleResolveRatePerMinute: number;
  handleStatsFlushMs: number;
}

/** The settings together: rules that tie one variable to another. */
export const CheckedConfigSchema = ConfigSchema.refine((e) => !e.SMTP_URL || e.MAIL_FROM, {
  path: ['MAIL_FROM'],
  message: 'MAIL_FROM is required when SMTP_URL is set',
});

/** Parses the environment; on failure prints every problem and exits. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = CheckedConfigSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      console.error(`config: ${issue.path.join('.')}: ${issue.message}`);
    }
    process.exit(2);
  }
  return toConfig(parsed.data);
}

export function toConfig(e: z.infer<typeof ConfigSchema>): Config {
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.DATABASE_URL ? e.SUILIAN_DEMO : true,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    accessLog: e.ACCESS_LOG,
    secureCookies: (e.PUBLIC_URL ?? '').startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailPollMs: e.MAIL_POLL_SECONDS * 1000,
    reminderDaysBefore: e.REMINDER_DAYS_BEFORE,
    reminderIntervalMs: e.REMINDER_INTERVAL_MINUTES * 60_000,
    handlePrefixes: e.HANDLE_PREFIXES.split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    handleResolveRatePerMinute: e.HANDLE_RESOLVE_RATE_PER_MINUTE,
    handleStatsFlushMs: e.HANDLE_STATS_FLUSH_SECONDS * 1000,
  };
}
