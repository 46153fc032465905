import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_CSAF_DIRECTORY_FILES, MAX_CSAF_DIRECTORY_MB, ROLES, type Role } from '@suilian/contracts';
import { z } from 'zod';

/** How a setting is documented: one sentence for the README's table, and its default as shown there. */
export interface SettingDoc {
  description: string;
  /** The default as the table shows it (Markdown), when the parsed default does not say it well. */
  shownDefault?: string;
}

/** The documentation of every setting, keyed by its schema (read by `describeSettings`). */
const settingDocs = z.registry<SettingDoc>();

/** Declares one environment variable: its schema (with its default) and its documentation, together. */
function setting<T extends z.ZodType>(schema: T, doc: SettingDoc): T {
  settingDocs.add(schema, doc);
  return schema;
}

const booleanFlag = () =>
  z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((value) => value === '1' || value === 'true');

/**
 * Every setting the server reads from the environment, validated in one place. This object is the
 * only declaration: the README's configuration table is generated from it (`npm run openapi`), and
 * CI fails when the table is out of date.
 */
export const ConfigSchema = z.object({
  PORT: setting(z.coerce.number().int().min(0).max(65535).default(8080), {
    description: 'HTTP port for the console and the API',
  }),
  HOST: setting(z.string().default('0.0.0.0'), { description: 'Listen address' }),
  DATA_DIR: setting(z.string().default('./data'), {
    description: 'Embedded PostgreSQL (`pg/`), `demo-accounts.txt`, stored files (`files/`)',
  }),
  DATABASE_URL: setting(z.url().optional(), { description: 'Use this PostgreSQL (≥ 15) instead of the embedded one' }),
  SUILIAN_DEMO: setting(booleanFlag(), { description: 'With `DATABASE_URL`: load demo data into an empty database' }),
  PUBLIC_URL: setting(z.url().optional(), { description: 'Printed URL and links in e-mails; `https://` makes cookies `Secure`' }),
  LOG_LEVEL: setting(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), {
    description: 'pino level (`silent` … `trace`); logs are JSON',
  }),
  ACCESS_LOG: setting(booleanFlag(), { description: 'One log line per request (errors are always logged)' }),
  TRUST_PROXY: setting(z.enum(['true', 'false', '1', '0', '']).optional(), {
    description: 'Take the client address from `X-Forwarded-For` (behind a reverse proxy)',
    shownDefault: '`false`',
  }),
  BODY_LIMIT: setting(z.coerce.number().int().min(1024).default(1_048_576), {
    description: 'Largest request body in bytes (larger → 413)',
  }),
  CSAF_DIRECTORY_MAX_FILES: setting(z.coerce.number().int().min(1).max(100_000).default(MAX_CSAF_DIRECTORY_FILES), {
    description: 'Most files one CSAF directory import may send (more → 413 naming the limit)',
  }),
  CSAF_DIRECTORY_MAX_MB: setting(z.coerce.number().int().min(1).max(8192).default(MAX_CSAF_DIRECTORY_MB), {
    description: 'Largest total size in MiB of one CSAF directory import (more → 413 naming the limit)',
  }),
  CSAF_IMPORT_WORKERS: setting(z.coerce.number().int().min(0).max(64).optional(), {
    description: 'Worker threads validating CSAF files during an import; `0` validates in the import itself',
    shownDefault: 'number of cores',
  }),
  SESSION_TTL_HOURS: setting(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    { description: 'Browser session lifetime (at most 720)' },
  ),
  LOGIN_MAX_FAILURES: setting(z.coerce.number().int().min(1).default(5), { description: 'Failed logins before the account locks' }),
  LOGIN_LOCK_MINUTES: setting(z.coerce.number().int().min(1).default(15), { description: 'How long a locked account stays locked' }),
  LOGIN_RATE_PER_MINUTE: setting(z.coerce.number().int().min(1).default(20), {
    description: 'Login attempts per client address per minute (then 429)',
  }),
  TWO_FACTOR_ROLES: setting(
    z
      .string()
      .default('city_admin,security_analyst')
      .transform((value) =>
        value
          .split(',')
          .map((role) => role.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(ROLES))),
    {
      description: 'Roles that must log in with a second factor (TOTP; comma-separated, empty = none); their accounts enrol at first login',
      shownDefault: '`city_admin,security_analyst`',
    },
  ),
  EMBEDDED_PG_PORT: setting(z.coerce.number().int().min(0).max(65535).default(0), {
    description: 'Port of the embedded PostgreSQL (loopback only); `0` = a free one',
    shownDefault: 'random free',
  }),
  SMTP_URL: setting(
    z
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    { description: '`smtp(s)://user:pass@host:port`; unset: e-mails stay queued in the outbox' },
  ),
  MAIL_FROM: setting(z.string().min(3).optional(), {
    description: 'Sender of notification e-mails, e.g. `穗联平台 <noreply@example.gov.cn>` (required with `SMTP_URL`)',
  }),
  MAIL_POLL_SECONDS: setting(z.coerce.number().int().min(0).default(30), {
    description: 'How often the outbox is sent; `0` = only on demand (`POST /api/notifications/outbox/dispatch`)',
  }),
  REMINDER_DAYS_BEFORE: setting(z.coerce.number().int().min(0).max(60).default(3), {
    description: 'Remind districts this many days before a form closes',
  }),
  REMINDER_INTERVAL_MINUTES: setting(z.coerce.number().int().min(0).default(60), {
    description: 'Minutes between reminder runs; `0` = only on demand (`cli reminders:run`)',
  }),
  HANDLE_PREFIXES: setting(z.string().default('88.118'), { description: 'Identifier prefixes this platform serves (comma-separated)' }),
  HANDLE_RESOLVE_RATE_PER_MINUTE: setting(z.coerce.number().int().min(1).default(1200), {
    description: 'Anonymous identifier resolutions per client address per minute (each instance)',
  }),
  HANDLE_STATS_FLUSH_SECONDS: setting(z.coerce.number().int().min(0).default(10), {
    description: 'How often resolution counts are written to the database; `0` = at shutdown only',
  }),
  HANDLE_NATIVE_PORT: setting(
    z
      .string()
      .trim()
      .toLowerCase()
      .default('2641')
      .refine((v) => /^(off|\d{1,5})$/.test(v), 'HANDLE_NATIVE_PORT must be a port number, 0 or off')
      .transform((v) => (v === 'off' ? 0 : Number(v)))
      .pipe(z.number().int().min(0).max(65535)),
    {
      description:
        'UDP and TCP port of the native Handle protocol (RFC 3652 resolution, ADR 0015); `0` or `off` = none; a port that cannot be bound is logged and skipped',
    },
  ),
  HANDLE_SITE_ADDRESS: setting(
    z
      .string()
      .default('127.0.0.1')
      .refine((v) => isIP(v) !== 0, 'HANDLE_SITE_ADDRESS must be an IPv4 or IPv6 address'),
    { description: 'IP address this node advertises in its HS_SITE value (`0.NA/<prefix>`), the one other Handle nodes reach' },
  ),
  HANDLE_SITE_PORT: setting(z.coerce.number().int().min(1).max(65535).optional(), {
    description: 'UDP/TCP port advertised in HS_SITE when it differs from `HANDLE_NATIVE_PORT` (NAT, port forwarding)',
    shownDefault: '`HANDLE_NATIVE_PORT`',
  }),
  HANDLE_SITE_HTTP_PORT: setting(z.coerce.number().int().min(1).max(65535).optional(), {
    description: 'Also advertise an HTTP interface on this port in HS_SITE (only behind a Handle-protocol-over-HTTP gateway)',
  }),
  MQTT_PORT: setting(z.coerce.number().int().min(0).max(65535).default(1883), {
    description:
      'TCP port of the embedded MQTT broker for device telemetry (plain JSON and Sparkplug B, issue #14); `0` = no broker; a port that cannot be bound is logged and skipped',
  }),
  MQTT_MAX_MESSAGE_KB: setting(z.coerce.number().int().min(1).max(16_384).default(256), {
    description: 'Largest telemetry message in KiB; a larger one is counted as `oversized` and not stored',
  }),
  TELEMETRY_QUEUE_POINTS: setting(z.coerce.number().int().min(100).max(10_000_000).default(100_000), {
    description:
      'Most data points waiting for the database at once; beyond it MQTT publishers are not read (TCP back-pressure) and HTTP batches get 503',
  }),
  TELEMETRY_BATCH_POINTS: setting(z.coerce.number().int().min(1).max(100_000).default(5_000), {
    description: 'Most data points written in one transaction',
  }),
  TELEMETRY_FLUSH_MS: setting(z.coerce.number().int().min(1).max(10_000).default(50), {
    description: 'How long a partial batch of data points waits before it is written (QoS 1 acknowledgements wait for the write)',
  }),
  AUDIT_KEY_FILE: setting(z.string().min(1).optional(), {
    description: 'Secret key file of the audit log (HMAC-SM3, created with mode 0600 on first start); back it up apart from the database',
    shownDefault: '`DATA_DIR/keys/audit.key`',
  }),
  DATA_KEY_FILE: setting(z.string().min(1).optional(), {
    description:
      'Master key file of the values sealed in the database (SM4 + HMAC-SM3: TOTP secrets; created with mode 0600 on first start); back it up apart from the database',
    shownDefault: '`DATA_DIR/keys/data.key`',
  }),
  AUDIT_ANCHOR_DIR: setting(z.string().min(1).optional(), {
    description: 'Folder of the signed audit checkpoints (one JSON line each, append-only); copy it off the machine',
    shownDefault: '`DATA_DIR/audit-anchors`',
  }),
  AUDIT_CHECKPOINT_MINUTES: setting(z.coerce.number().int().min(0).default(10), {
    description:
      'Minutes between audit checkpoints (also written at start and shutdown); `0` = at start, shutdown and `cli audit:checkpoint` only',
  }),
  AUDIT_ANCHOR_URL: setting(
    z
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'AUDIT_ANCHOR_URL must start with http:// or https://')
      .optional(),
    { description: 'Also POST each audit checkpoint as JSON to this URL (an append-only store off the machine)' },
  ),
  AUDIT_ANCHOR_SYSLOG: setting(
    z
      .string()
      .regex(/^udp:\/\/[^/]+:\d+$/, 'AUDIT_ANCHOR_SYSLOG must be udp://host:port')
      .optional(),
    { description: 'Also send each audit checkpoint to this syslog server (`udp://host:port`, RFC 5424, facility log audit)' },
  ),
  METRICS_TOKEN: setting(z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(), {
    description: '`/metrics` only with `Authorization: Bearer <token>` (else 401); unset: anyone who reaches the port reads it',
  }),
  METRICS_LOOPBACK_ONLY: setting(booleanFlag(), {
    description: '`/metrics` only for connections from the machine itself (127.0.0.1, ::1; the socket, not `X-Forwarded-For`)',
  }),
});

/** One row of the configuration table: the variable, its default as shown, what it does. */
export interface SettingDescription {
  name: string;
  shownDefault: string;
  description: string;
}

/** Every setting in declaration order with its documentation (the README table is generated from this). */
export function describeSettings(): SettingDescription[] {
  return Object.entries(ConfigSchema.shape).map(([name, schema]) => {
    const doc = settingDocs.get(schema);
    if (!doc) throw new Error(`config: ${name} is declared without setting(…)`);
    return { name, shownDefault: doc.shownDefault ?? showDefault(schema.parse(undefined)), description: doc.description };
  });
}

/** What an unset variable turns into, as the table shows it: `unset`, `0`/`1` for flags, else the value. */
function showDefault(value: unknown): string {
  if (value === undefined) return 'unset';
  if (typeof value === 'boolean') return value ? '`1`' : '`0`';
  return `\`${String(value)}\``;
}

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
  /** The CSAF directory import's limits and validation threads (issue #13 item 4). */
  csafImport: { maxFiles: number; maxBytes: number; workers: number };
  sessionTtlMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  loginRatePerMinute: number;
  /** Roles whose accounts must have a second factor (ADR 0014). */
  twoFactorRoles: ReadonlySet<Role>;
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
  /** UDP/TCP port of the native Handle protocol; 0 = off. */
  handleNativePort: number;
  /** What HS_SITE advertises: address, UDP/TCP port, optional HTTP port. */
  handleSite: { address: string; port: number; httpPort: number | undefined };
  /** TCP port of the embedded MQTT broker; 0 = off. */
  mqttPort: number;
  /** The telemetry writer's limits (issue #14 item 2). */
  telemetry: { queueCapacity: number; batchSize: number; flushMs: number; maxMessageBytes: number };
  /** The audit key file (ADR 0013). */
  auditKeyFile: string;
  /** The master key file of sealed values (ADR 0014). */
  dataKeyFile: string;
  /** Where audit checkpoints are appended. */
  auditAnchorDir: string;
  auditCheckpointMs: number;
  auditAnchorUrl: string | undefined;
  auditAnchorSyslog: string | undefined;
  /** Bearer token /metrics requires, when set. */
  metricsToken: string | undefined;
  /** /metrics only for connections from the machine itself. */
  metricsLoopbackOnly: boolean;
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

/** The parsed variables as the settings the server uses (units converted, lists split). */
export function toConfig(e: z.infer<typeof ConfigSchema>): Config {
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    demo: e.DATABASE_URL ? e.SUILIAN_DEMO : true,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    csafImport: {
      maxFiles: e.CSAF_DIRECTORY_MAX_FILES,
      maxBytes: e.CSAF_DIRECTORY_MAX_MB * 1_048_576,
      workers: e.CSAF_IMPORT_WORKERS ?? availableParallelism(),
    },
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    twoFactorRoles: new Set(e.TWO_FACTOR_ROLES),
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
    handleNativePort: e.HANDLE_NATIVE_PORT,
    handleSite: {
      address: e.HANDLE_SITE_ADDRESS,
      port: e.HANDLE_SITE_PORT ?? (e.HANDLE_NATIVE_PORT || 2641),
      httpPort: e.HANDLE_SITE_HTTP_PORT,
    },
    mqttPort: e.MQTT_PORT,
    telemetry: {
      queueCapacity: e.TELEMETRY_QUEUE_POINTS,
      batchSize: e.TELEMETRY_BATCH_POINTS,
      flushMs: e.TELEMETRY_FLUSH_MS,
      maxMessageBytes: e.MQTT_MAX_MESSAGE_KB * 1024,
    },
    auditKeyFile: e.AUDIT_KEY_FILE ? resolve(e.AUDIT_KEY_FILE) : join(dataDir, 'keys', 'audit.key'),
    dataKeyFile: e.DATA_KEY_FILE ? resolve(e.DATA_KEY_FILE) : join(dataDir, 'keys', 'data.key'),
    auditAnchorDir: e.AUDIT_ANCHOR_DIR ? resolve(e.AUDIT_ANCHOR_DIR) : join(dataDir, 'audit-anchors'),
    auditCheckpointMs: e.AUDIT_CHECKPOINT_MINUTES * 60_000,
    auditAnchorUrl: e.AUDIT_ANCHOR_URL,
    auditAnchorSyslog: e.AUDIT_ANCHOR_SYSLOG,
    metricsToken: e.METRICS_TOKEN,
    metricsLoopbackOnly: e.METRICS_LOOPBACK_ONLY,
  };
}
