import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { createUserRepo, hasSealedTotpSecrets } from './modules/accounts/index.js';
import { hasSealedBankAccounts } from './modules/funds/index.js';
import { hasPersonDigests } from './modules/sanctions/index.js';
import { demoActor, loadWhitePaperDemo } from './modules/white-papers/index.js';
import { createAuditService } from './platform/audit/audit.service.js';
import { openAuditKeys } from './platform/audit/audit-keys.js';
import { systemClock } from './platform/clock.js';
import { openDataKeys } from './platform/crypto/data-keys.js';
import { createPersonDigests } from './platform/crypto/person-digest.js';
import { createSealer } from './platform/crypto/sealed.js';
import { loadDemoData, writeDemoAccounts } from './seed/demo.js';
import { loadReferenceData } from './seed/reference.js';

/** Starts Suilian: database (embedded unless DATABASE_URL), migrations, reference and demo data, HTTP. */
async function main() {
  const config = loadConfig();
  const say = (line: string) => process.stdout.write(`[suilian] ${line}\n`);
  const opened = await openDatabase(config, { whenRunning: 'refuse', log: (m) => say(m.trim()) });
  const { db } = opened.database;
  // Seeding is audited too: signed with the audit key, created here on first start (ADR 0013).
  const keys = await openAuditKeys({ file: config.auditKeyFile, db, clock: systemClock, warn: (m) => say(`warning: ${m}`) });
  const audit = createAuditService({ db, clock: systemClock, keys });

  await loadReferenceData(db, { clock: systemClock, audit });
  const noAccounts = (await createUserRepo(db).countAll()) === 0;
  let loginHint: string;
  let demoLoaded = false;
  if (noAccounts && config.demo) {
    // Demo TOTP secrets are sealed as they are written: never a clear secret in the database (ADR 0014).
    const dataKeys = await openDataKeys({
      file: config.dataKeyFile,
      hasSealedData: async () => (await hasSealedTotpSecrets(db)) || (await hasPersonDigests(db)) || (await hasSealedBankAccounts(db)),
    });
    const sealer = createSealer(() => dataKeys);
    const persons = createPersonDigests(() => dataKeys);
    const accounts = await loadDemoData(db, { clock: systemClock, audit, twoFactorRoles: config.twoFactorRoles, sealer, persons });
    const file = writeDemoAccounts(config.dataDir, accounts);
    demoLoaded = true;
    say('Loaded Guangzhou demo data (every demo organisation is marked 演示). Demo accounts, shown once:');
    for (const a of accounts)
      say(`  ${a.username.padEnd(16)} ${a.password}  ${a.role}${a.otpauthUri ? '  (2FA: TOTP secret in the file)' : ''}`);
    loginHint = `log in with an account listed in ${file}`;
  } else if (noAccounts) {
    loginHint = 'no accounts yet: create the first administrator with `npm run cli -- admin:create --username <name>`';
  } else {
    loginHint = config.demo ? `demo accounts are listed in ${config.dataDir}/demo-accounts.txt` : 'log in with your account';
  }

  const app = await buildApp({ config, database: opened.database });
  if (demoLoaded) {
    // The white paper reads through the services, so its demo editions follow the demo data (issue #16 item 4).
    const users = createUserRepo(db);
    const [analyst, admin] = await Promise.all([users.findByUsername('demo.analyst'), users.findByUsername('demo.admin')]);
    if (analyst && admin)
      await loadWhitePaperDemo(app.whitePapers, {
        // The last year whose second half has begun, so both demo editions can be drafted.
        year: systemClock.now().getUTCMonth() >= 6 ? systemClock.now().getUTCFullYear() : systemClock.now().getUTCFullYear() - 1,
        analyst: demoActor(analyst),
        admin: demoActor(admin),
      });
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      say(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    say(`${signal}: stopping`);
    try {
      await app.close();
      await opened.close();
      say('stopped cleanly');
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await opened.close();
    throw error;
  }
  // After HTTP: a port the native protocol cannot bind is logged and skipped, never fatal (ADR 0015).
  await app.handleNative.start({ port: config.handleNativePort, host: config.host });
  // The embedded MQTT broker for device telemetry (issue #14 item 2); like the native port, never fatal.
  if (config.mqttPort > 0) {
    try {
      const mqttPort = await app.telemetryBroker.start({ port: config.mqttPort, host: config.host });
      say(`MQTT broker for device telemetry on port ${mqttPort}`);
    } catch (error) {
      say(`warning: MQTT port ${config.mqttPort} not available (${error instanceof Error ? error.message : error}); no broker`);
    }
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  say(`Suilian (穗联) is running at ${url}  —  API docs at ${url}/api/docs`);
  say(loginHint);
}

main().catch((error) => {
  console.error('[suilian] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
