import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { MAX_UPLOAD_BYTES } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createAccountsModule, hasSealedTotpSecrets, type SessionRevocation, sealPlaintextTotpSecrets } from './modules/accounts/index.js';
import { createCodeListsModule } from './modules/codelists/index.js';
import { createDashboardModule } from './modules/dashboard/index.js';
import { createDatasetsModule } from './modules/datasets/index.js';
import { createDemandsModule } from './modules/demands/index.js';
import { createEnterprisesModule } from './modules/enterprises/index.js';
import { createFactoriesModule } from './modules/factories/index.js';
import { createFinancingModule } from './modules/financing/index.js';
import { createFundsModule, hasSealedBankAccounts } from './modules/funds/index.js';
import {
  answerBadUrl,
  createHandleNative,
  createHandlesModule,
  createPlatformHandles,
  HANDLE_SITE_DESCRIPTION,
  type HandleNative,
} from './modules/handles/index.js';
import { createIndicatorsModule } from './modules/indicators/index.js';
import { createNetworksModule, recordedFigures } from './modules/networks/index.js';
import { createNotificationsModule } from './modules/notifications/index.js';
import { createOrganisationRepo, createOrganisationsModule } from './modules/organisations/index.js';
import { createProgressReportsModule } from './modules/progress-reports/index.js';
import { createProjectsModule } from './modules/projects/index.js';
import { createRegistriesModule } from './modules/registries/index.js';
import { createReportingModule } from './modules/reporting/index.js';
import { createReportingReminders, reminderPolicy } from './modules/reporting/reminders.js';
import { createSanctionsModule, hasPersonDigests } from './modules/sanctions/index.js';
import { createSearchModule, searchSources } from './modules/search/index.js';
import { createSelectionsModule } from './modules/selections/index.js';
import { createSlaModule } from './modules/sla/index.js';
import { createSolutionsModule } from './modules/solutions/index.js';
import { createTelemetryModule, type TelemetryBroker } from './modules/telemetry/index.js';
import { createTrainingsModule, hasTrainingPeople } from './modules/trainings/index.js';
import { createVulnerabilitiesModule } from './modules/vulnerabilities/index.js';
import { createWhitePapersModule, type WhitePaperService } from './modules/white-papers/index.js';
import { createWorkbenchModule } from './modules/workbench/index.js';
import { systemActor } from './platform/actor.js';
import { createAuditModule } from './platform/audit/audit.module.js';
import { type Clock, systemClock } from './platform/clock.js';
import { openDataKeys } from './platform/crypto/data-keys.js';
import { createPersonDigests } from './platform/crypto/person-digest.js';
import { createSealer } from './platform/crypto/sealed.js';
import { registerFileRoutes } from './platform/files/file.routes.js';
import { createFileService } from './platform/files/file.service.js';
import { registerAuthentication } from './platform/http/auth-hook.js';
import { guardCatalogue } from './platform/http/endpoint-route.js';
import { answerClientError, registerErrorHandling } from './platform/http/error-handler.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { lazyChildLogger } from './platform/http/lazy-logger.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerMultipart } from './platform/http/multipart.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerWebConsole } from './platform/http/web-console.js';
import { createJobPlatform } from './platform/jobs/job.platform.js';
import { registerJobRoutes } from './platform/jobs/job.routes.js';
import { WEB_DIST_DIR } from './platform/paths.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Cross-instance session revocation; tests wait on `applied(…)`. */
    sessionRevocations: SessionRevocation;
    /** The native Handle protocol (ADR 0015); main.ts starts it on HANDLE_NATIVE_PORT, tests on a free port. */
    handleNative: HandleNative;
    /** The embedded MQTT broker (issue #14 item 2); main.ts starts it on MQTT_PORT, tests on a free port. */
    telemetryBroker: TelemetryBroker;
    /** The white paper service, for the demo editions drafted after the demo data (main.ts). */
    whitePapers: WhitePaperService;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  webDistDir?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Builds the whole HTTP application; main.ts and the integration tests both use it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Keep a caller's request id (from a proxy) when it is sane, so logs correlate across hops.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    logController: new LogController({ disableRequestLogging: !config.accessLog }),
    // Each request's pino child is made only when the request logs (#13 item 5).
    childLoggerFactory: lazyChildLogger,
    // Requests Node cannot parse (431 headers too large, 400) get the error envelope too.
    clientErrorHandler: answerClientError,
    // Malformed percent-escapes never reach a route; the Handle API answers them in its own shape.
    frameworkErrors: (error, request, reply) => answerBadUrl(error, request as unknown as FastifyRequest, reply as unknown as FastifyReply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // NUL and unpaired surrogates are refused before validation on every catalogue route but the raw ones.
  registerInputGuard(app);

  // Also sets x-request-id on every response.
  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await registerMultipart(app, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Suilian (穗联) API', version: '0.1.0' }, components: {} },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });
  // Every /api route from here on must come from the endpoint catalogue (ADR 0011); a stray one stops the start.
  const checkCatalogue = guardCatalogue(app);

  // The audit key file is opened (created on first start) before anything can be audited (ADR 0013).
  const auditLog = await createAuditModule({
    db: database.db,
    clock,
    log: app.log,
    keyFile: config.auditKeyFile,
    anchors: { dir: config.auditAnchorDir, url: config.auditAnchorUrl, syslog: config.auditAnchorSyslog },
  });
  const audit = auditLog.service;
  // Jobs and periodic tasks run on the PostgreSQL-backed queue, shared by every instance (ADR 0012).
  const jobPlatform = createJobPlatform({ db: database.db, pool: database.pool, clock, log: app.log });
  const { jobs, schedules } = jobPlatform;
  const notifications = createNotificationsModule({
    db: database.db,
    clock,
    publicUrl: config.publicUrl,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    pollMs: config.mailPollMs,
    log: app.log,
  });
  const organisations = createOrganisationsModule({ db: database.db, clock, audit });
  const codeLists = createCodeListsModule({ db: database.db, clock, audit });
  const files = createFileService({ db: database.db, clock, audit, root: join(config.dataDir, 'files') });
  const enterprises = createEnterprisesModule({
    db: database.db,
    clock,
    audit,
    organisations: organisations.service,
    codeLists: codeLists.service,
    jobs,
    files,
    notifications: notifications.service,
  });
  // TOTP secrets are sealed, and identity numbers digested, with the data key, kept outside the database like the audit key (ADR 0014);
  // secrets stored in clear before sealing existed are sealed now, all in one transaction.
  const dataKeys = await openDataKeys({
    file: config.dataKeyFile,
    hasSealedData: async () =>
      (await hasSealedTotpSecrets(database.db)) ||
      (await hasPersonDigests(database.db)) ||
      (await hasSealedBankAccounts(database.db)) ||
      (await hasTrainingPeople(database.db)),
    warn: (message) => app.log.warn({}, message),
  });
  // The sanction register recognises people by keyed digests of their identity numbers (issue #16 item 2).
  const sanctions = createSanctionsModule({
    db: database.db,
    clock,
    audit,
    notifications: notifications.service,
    persons: createPersonDigests(() => dataKeys),
  });
  const projects = createProjectsModule({
    db: database.db,
    clock,
    audit,
    organisations: organisations.service,
    codeLists: codeLists.service,
    files,
    jobs,
    notifications: notifications.service,
    sanctions: sanctions.service,
  });
  const registries = createRegistriesModule({
    db: database.db,
    clock,
    audit,
    organisations: organisations.service,
    files,
    jobs,
    notifications: notifications.service,
  });
  files.addReadRule((actor, fileId) => projects.service.canReadAttachment(actor, fileId));
  files.addReadRule((actor, fileId) => registries.service.canReadAttachment(actor, fileId));
  const factories = createFactoriesModule({
    db: database.db,
    clock,
    audit,
    organisations: organisations.service,
    codeLists: codeLists.service,
    projects: projects.service,
    files,
    jobs,
    notifications: notifications.service,
  });
  const solutions = createSolutionsModule({
    db: database.db,
    clock,
    audit,
    organisations: organisations.service,
    codeLists: codeLists.service,
    notifications: notifications.service,
  });
  const demands = createDemandsModule({
    db: database.db,
    clock,
    audit,
    organisations: organisations.service,
    codeLists: codeLists.service,
    files,
    notifications: notifications.service,
    solutions: solutions.service,
  });
  files.addReadRule((actor, fileId) => demands.service.canReadAttachment(actor, fileId));
  const selections = createSelectionsModule({
    db: database.db,
    clock,
    audit,
    files,
    organisations: organisations.service,
    factories: factories.service,
    projects: projects.service,
    notifications: notifications.service,
    sanctions: sanctions.service,
  });
  const indicators = createIndicatorsModule({ db: database.db, clock, audit });
  const dashboard = createDashboardModule({ db: database.db, clock, indicators: indicators.service });
  // The dataset catalogue with open data (issue #16 item 3); indicator values are measured city-wide.
  const datasets = createDatasetsModule({
    db: database.db,
    clock,
    audit,
    indicators: indicators.service,
    publicUrl: config.publicUrl,
    cityActor: async () => {
      const city = await createOrganisationRepo(database.db).findCity();
      if (!city) throw new Error('the city organisation is missing');
      return systemActor('system', city.id);
    },
  });
  const reporting = createReportingModule({
    db: database.db,
    clock,
    audit,
    organisations: organisations.service,
    notifications: notifications.service,
    // New private networks and edge nodes come from the network records once they exist (issue #14).
    recordedFigures,
  });
  const networks = createNetworksModule({ db: database.db, clock, audit, files, notifications: notifications.service });
  // SLA validation of the private networks: profiles, uploaded tests, results and sign-off (issue #14 item 3).
  const sla = createSlaModule({ db: database.db, clock, audit, notifications: notifications.service });
  // Device telemetry over MQTT / HTTP and inactivity alarms on the private networks (issue #14 items 2 and 4).
  const telemetry = createTelemetryModule({
    database,
    clock,
    audit,
    notifications: notifications.service,
    log: app.log,
    settings: config.telemetry,
  });
  app.decorate('telemetryBroker', telemetry.broker);
  app.addHook('onReady', async () => telemetry.start());
  app.addHook('onClose', async () => telemetry.stop());
  const progressReports = createProgressReportsModule({
    db: database.db,
    clock,
    audit,
    jobs,
    notifications: notifications.service,
    indicators: indicators.service,
    projects: projects.service,
    organisations: organisations.service,
  });
  const reminders = createReportingReminders({
    db: database.db,
    clock,
    audit,
    notifications: notifications.service,
    policy: reminderPolicy(config.reminderDaysBefore),
    systemActor: async () => {
      const city = await createOrganisationRepo(database.db).findCity();
      if (!city) throw new Error('the city organisation is missing');
      return systemActor('system', city.id);
    },
  });
  const vulnerabilities = createVulnerabilitiesModule({
    db: database.db,
    clock,
    audit,
    jobs,
    notifications: notifications.service,
    systemActor: async () => {
      const city = await createOrganisationRepo(database.db).findCity();
      if (!city) throw new Error('the city organisation is missing');
      return systemActor('system', city.id);
    },
    log: app.log,
    csafImport: config.csafImport,
  });
  const workbench = createWorkbenchModule({
    db: database.db,
    clock,
    dashboard: dashboard.service,
    notifications: notifications.service,
    reminderPolicy: reminderPolicy(config.reminderDaysBefore),
  });
  const sealer = createSealer(() => dataKeys);
  const sealedNow = await sealPlaintextTotpSecrets(database.db, sealer);
  if (sealedNow > 0) app.log.info({ accounts: sealedNow }, 'sealed TOTP secrets stored in clear');
  // Special funds: bank account numbers are sealed with the same data key (issue #16 item 1).
  const funds = createFundsModule({
    db: database.db,
    clock,
    audit,
    notifications: notifications.service,
    files,
    sanctions: sanctions.service,
    sealer,
  });
  files.addReadRule((actor, fileId) => funds.applications.canReadEvidence(actor, fileId));
  // 产融合作: financing requests routed to banks (issue #15 item 5).
  const financing = createFinancingModule({ db: database.db, clock, audit, notifications: notifications.service });
  // The white paper reads its figures through the other modules' services (issue #16 item 4).
  const whitePapers = createWhitePapersModule({
    db: database.db,
    clock,
    audit,
    notifications: notifications.service,
    indicators: indicators.service,
    dashboard: dashboard.service,
    factories: factories.service,
    networks: networks.service,
    securityStats: vulnerabilities.stats,
    fundProgrammes: funds.programmes,
    fundApplications: funds.applications,
    cases: selections.cases,
  });
  const accounts = createAccountsModule({
    sealer,
    db: database.db,
    clock,
    audit,
    organisations: organisations.service,
    notifications: notifications.service,
    sessionTtlMs: config.sessionTtlMs,
    maxFailures: config.loginMaxFailures,
    lockMs: config.loginLockMs,
    twoFactorRoles: config.twoFactorRoles,
    pool: database.pool,
    log: app.log,
    secureCookies: config.secureCookies,
    loginRatePerMinute: config.loginRatePerMinute,
  });
  // Sessions are cached only while this instance hears revocations from every instance (ADR 0014).
  app.decorate('sessionRevocations', accounts.revocations);
  app.addHook('onReady', async () => accounts.revocations.start());
  app.addHook('onClose', async () => accounts.revocations.stop());

  const handles = createHandlesModule({
    db: database.db,
    pool: database.pool,
    clock,
    audit,
    log: app.log,
    servedPrefixes: config.handlePrefixes,
    resolveRatePerMinute: config.handleResolveRatePerMinute,
    statsFlushMs: config.handleStatsFlushMs,
    authenticateHandleIdentity: (identity, meta) => accounts.tokens.authenticateHandleIdentity(identity, meta),
  });
  // Tokens of prefix administrators are Handle identities (admin handles, issue #13 item 1).
  accounts.tokens.useIdentities(handles.service.identities);
  // Trainings recognise people by the same keyed digests, and mint certificates under the platform's prefix (issue #15 item 6).
  const trainings = createTrainingsModule({
    db: database.db,
    clock,
    audit,
    persons: createPersonDigests(() => dataKeys),
    notifications: notifications.service,
    certificates: createPlatformHandles({ servedPrefixes: config.handlePrefixes }),
  });

  // The header's global search composes the modules' own scoped lists (#12 item 7).
  const search = createSearchModule({
    sources: searchSources({
      enterprises: enterprises.service,
      projects: projects.service,
      handles: handles.service.records,
      vulnerabilities: vulnerabilities.catalogue,
    }),
  });

  registerAuthentication(app, {
    resolveSession: (id, meta) => accounts.auth.resolveSession(id, meta),
    authenticateToken: (token, meta) => accounts.tokens.authenticate(token, meta),
  });
  const metrics = registerMetrics(app, { token: config.metricsToken, loopbackOnly: config.metricsLoopbackOnly });
  const handleNative = createHandleNative({
    resolver: handles.service.resolver,
    prefixes: handles.service.prefixes,
    site: { ...config.handleSite, description: HANDLE_SITE_DESCRIPTION },
    resolveRatePerMinute: config.handleResolveRatePerMinute,
    now: () => clock.now().getTime(),
    log: app.log,
    registry: metrics,
  });
  app.decorate('handleNative', handleNative);
  app.addHook('onClose', async () => handleNative.close());

  registerHealthRoutes(app, { pingDatabase: () => database.db.execute(sql`SELECT 1`) });

  // Periodic tasks on the job queue, once per interval across instances (ADR 0012). Expired sessions
  // are only ever read as "not found", so an hourly purge is enough.
  schedules.every('accounts.session_purge', 3_600_000, () => accounts.auth.purgeExpiredSessions());
  notifications.schedule(schedules);
  reminders.schedule(schedules, config.reminderIntervalMs);
  vulnerabilities.schedule(schedules);
  datasets.schedule(schedules);
  auditLog.schedule(schedules, config.auditCheckpointMs);
  app.addHook('onReady', async () => auditLog.start());
  app.addHook('onClose', async () => auditLog.stop());
  app.addHook('onReady', async () => jobPlatform.start());
  app.addHook('onReady', async () => {
    await handles.start();
    const { issued, skipped } = await accounts.tokens.backfillIdentities();
    if (issued.length || skipped.length) app.log.info({ issued, skipped }, 'API identities: admin handles backfilled');
  });
  app.addHook('onClose', async () => handles.stop());
  app.addHook('onClose', () => notifications.stop());
  // onClose hooks run last-added first: the jobs stop before the mail transport closes.
  app.addHook('onClose', () => jobPlatform.stop());

  accounts.registerRoutes(app);
  organisations.registerRoutes(app);
  codeLists.registerRoutes(app);
  enterprises.registerRoutes(app);
  projects.registerRoutes(app);
  factories.registerRoutes(app);
  networks.registerRoutes(app);
  telemetry.registerRoutes(app);
  sla.registerRoutes(app);
  registries.registerRoutes(app);
  selections.registerRoutes(app);
  solutions.registerRoutes(app);
  demands.registerRoutes(app);
  sanctions.registerRoutes(app);
  funds.registerRoutes(app);
  financing.registerRoutes(app);
  indicators.registerRoutes(app);
  dashboard.registerRoutes(app);
  datasets.registerRoutes(app);
  reporting.registerRoutes(app);
  notifications.registerRoutes(app);
  reminders.registerRoutes(app);
  vulnerabilities.registerRoutes(app);
  progressReports.registerRoutes(app);
  whitePapers.registerRoutes(app);
  trainings.registerRoutes(app);
  app.decorate('whitePapers', whitePapers.service);
  handles.registerRoutes(app);
  workbench.registerRoutes(app);
  search.registerRoutes(app);
  auditLog.registerRoutes(app);
  registerFileRoutes(app, files);
  registerJobRoutes(app, jobs);
  await registerWebConsole(app, deps.webDistDir ?? WEB_DIST_DIR);
  checkCatalogue();
  return app;
}
