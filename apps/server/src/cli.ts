import { parseArgs } from 'node:util';
import { UsernameSchema } from '@suilian/contracts';
import { type Config, loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { createUserRepo, generatePassword, hashPassword } from './modules/accounts/index.js';
import { buildSite, HANDLE_SITE_DESCRIPTION } from './modules/handles/index.js';
import { createNotificationsModule } from './modules/notifications/index.js';
import { createOrganisationRepo } from './modules/organisations/index.js';
import { createReminderService, reminderPolicy } from './modules/reporting/reminders.js';
import { provisionSimulatedDevices, simulateDevices } from './modules/telemetry/index.js';
import { systemActor } from './platform/actor.js';
import { createAuditService } from './platform/audit/audit.service.js';
import { type AuditCommandContext, checkpointCommand, rotateKeyCommand, verifyCommand } from './platform/audit/audit-commands.js';
import { openAuditKeys } from './platform/audit/audit-keys.js';
import { systemClock } from './platform/clock.js';
import { loadReferenceData } from './seed/reference.js';

const USAGE = `usage: npm run cli -- <command> [options]

commands:
  admin:create --username <name> [--display-name <text>]
      create a city administrator with a one-time password (changed at first login)
  audit:verify [--json]
      check the audit log against the audit key and the checkpoints kept outside the database;
      report broken links, gaps, truncation and re-chaining; exit 1 on any finding
  audit:checkpoint
      sign the audit log's head and append it to the anchors now (e.g. before a backup)
  audit:rotate-key [--replace-lost-key]
      checkpoint the head with the current audit key, then start a new key for every later entry
      (old keys stay in the key file); --replace-lost-key starts a new key file when it is lost
  handle:site [--prefix <prefix>]
      print this node's HS_SITE value (from HANDLE_SITE_ADDRESS, HANDLE_SITE_PORT, HANDLE_SITE_HTTP_PORT) as
      Handle.Net JSON, for the top-level node to store under 0.NA/<prefix> (ADR 0015, docs/operations.md)
  reminders:run
      send the reporting reminders due today (form closing soon / overdue) to the district officers,
      once each; their e-mails wait in the outbox for the running server to send
  simulate:devices [--devices 20] [--rate 1] [--network <id>] [--url mqtt://127.0.0.1:<MQTT_PORT>]
                   [--fault-every 30] [--silence 45]
      Sparkplug B gateways sim-0001 … publishing temperature, vibration and latency over MQTT to the
      running server (--rate messages per second each) on a network (default: the first demo network in
      service); every --fault-every seconds one falls silent for --silence seconds, past its 20 s
      inactivity timeout, so an alarm is raised and cleared. Registers the devices (new secrets each run); Ctrl-C stops`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  if (command === 'handle:site') return printHandleSite(config, rest);
  const opened = await openDatabase(config, { whenRunning: 'share', log: () => undefined });
  try {
    const { db } = opened.database;
    switch (command) {
      case 'admin:create':
        return await createAdmin(db, config, rest);
      case 'audit:verify':
        return await verifyCommand(auditContext(db, config), { json: flag(rest, '--json') });
      case 'audit:checkpoint':
        return await checkpointCommand(auditContext(db, config));
      case 'audit:rotate-key': {
        const city = await createOrganisationRepo(db).findCity();
        if (!city) throw new Error('the city organisation is missing');
        return await rotateKeyCommand(auditContext(db, config), systemActor('cli', city.id), {
          replaceLostKey: flag(rest, '--replace-lost-key'),
        });
      }
      case 'reminders:run':
        return await runReminders(db, config);
      case 'simulate:devices':
        return await simulate(db, config, rest);
      default:
        console.error(`unknown command ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await opened.close();
  }
}

type Db = AuditCommandContext['db'];

/** Runs the device simulator against the running server until Ctrl-C (issue #14 item 5). */
async function simulate(db: Db, config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      devices: { type: 'string', default: '20' },
      rate: { type: 'string', default: '1' },
      network: { type: 'string' },
      url: { type: 'string' },
      'fault-every': { type: 'string', default: '30' },
      silence: { type: 'string', default: '45' },
    },
  });
  const count = Number(values.devices);
  const rate = Number(values.rate);
  const faultEvery = Number(values['fault-every']);
  const silence = Number(values.silence);
  if (!Number.isInteger(count) || count < 1 || count > 10_000 || !(rate > 0 && rate <= 100) || !(faultEvery > 0) || !(silence > 0)) {
    console.error('--devices is 1 to 10000, --rate 0 to 100 messages per second, --fault-every and --silence positive seconds');
    return 2;
  }
  const { network, devices } = await provisionSimulatedDevices(db, systemClock, {
    count,
    networkId: values.network,
    inactivitySeconds: 20,
  });
  const url = values.url ?? `mqtt://127.0.0.1:${config.mqttPort || 1883}`;
  console.log(`simulating ${count} Sparkplug B gateways on ${network.name} (${network.id}) → ${url}, ${rate} msg/s each; Ctrl-C stops`);
  const stop = simulateDevices({
    url,
    devices,
    rate,
    faultEverySeconds: faultEvery,
    silenceSeconds: silence,
    log: (line) => console.log(line),
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await stop();
  return 0;
}

/** The HS_SITE value as the top-level node's operator stores it (no database needed). */
function printHandleSite(config: Config, args: string[]): number {
  const { values } = parseArgs({ args, options: { prefix: { type: 'string' } } });
  const prefix = values.prefix ?? config.handlePrefixes[0] ?? '88.118';
  const site = buildSite({ ...config.handleSite, description: HANDLE_SITE_DESCRIPTION }, new Date());
  const value = { index: 1, type: 'HS_SITE', data: { format: 'base64', value: site.record.toString('base64') }, ttl: 86400 };
  console.log(JSON.stringify({ handle: `0.NA/${prefix}`, serial: site.serial, advertised: config.handleSite, values: [value] }, null, 2));
  return 0;
}

function auditContext(db: Db, config: Config): AuditCommandContext {
  return {
    db,
    clock: systemClock,
    keyFile: config.auditKeyFile,
    anchors: { dir: config.auditAnchorDir, url: config.auditAnchorUrl, syslog: config.auditAnchorSyslog },
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
}

function flag(args: string[], name: string): boolean {
  const unknown = args.filter((a) => a !== name);
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}`);
  return args.includes(name);
}

/** The audit service the CLI's writes go through: signed with the server's audit key (ADR 0013). */
async function keyedAudit(db: Db, config: Config) {
  const keys = await openAuditKeys({ file: config.auditKeyFile, db, clock: systemClock, warn: (m) => console.error(`warning: ${m}`) });
  return createAuditService({ db, clock: systemClock, keys });
}

async function runReminders(db: Db, config: Config) {
  const audit = await keyedAudit(db, config);
  await loadReferenceData(db, { clock: systemClock, audit });
  const city = await createOrganisationRepo(db).findCity();
  if (!city) throw new Error('the city organisation is missing');
  const notifications = createNotificationsModule({ db, clock: systemClock, publicUrl: config.publicUrl });
  const reminders = createReminderService({
    db,
    clock: systemClock,
    audit,
    notifications: notifications.service,
    policy: reminderPolicy(config.reminderDaysBefore),
  });
  const result = await reminders.run(systemActor('cli', city.id));
  for (const r of result.sent)
    console.log(`${r.kind}\t${r.dataSet}\t${r.period}\t${r.orgId}\tdeadline ${r.deadline}\t${r.recipients} recipient(s)`);
  console.log(`${result.sent.length} reminder(s) sent for ${result.today}`);
  return 0;
}

async function createAdmin(db: Db, config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, 'display-name': { type: 'string' } } });
  const username = UsernameSchema.safeParse(values.username);
  if (!username.success) {
    console.error(`--username: ${username.error.issues[0]?.message ?? 'required'}`);
    return 2;
  }
  const audit = await keyedAudit(db, config);
  await loadReferenceData(db, { clock: systemClock, audit });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const city = await createOrganisationRepo(tx).findCity();
    if (!city) throw new Error('the city organisation is missing');
    const users = createUserRepo(tx);
    if (await users.findByUsername(username.data)) return null;
    const now = systemClock.now();
    const user = await users.insert({
      username: username.data,
      displayName: values['display-name'] ?? username.data,
      role: 'city_admin',
      orgId: city.id,
      passwordHash,
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    });
    await audit.append(tx, systemActor('cli', city.id), {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { username: user.username, role: user.role },
    });
    return user;
  });
  if (!created) {
    console.error(`--username: ${username.data} already exists`);
    return 2;
  }
  console.log(`created city administrator ${created.username}`);
  console.log(`one-time password: ${password}`);
  console.log('it must be changed at first login');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('cli failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
