import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@suilian/contracts';
import type { Db, DbOrTx } from '../db/client.js';
import {
  createTwoFactorRepo,
  createUserRepo,
  enrolmentUri,
  generatePassword,
  hashPassword,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpSealContext,
} from '../modules/accounts/index.js';
import { readSeedLists } from '../modules/codelists/index.js';
import { loadDatasetDemo } from '../modules/datasets/index.js';
import { loadDemandDemo } from '../modules/demands/index.js';
import { loadHandleDemo } from '../modules/handles/index.js';
import { loadAllocationDemo } from '../modules/indicators/index.js';
import { loadNetworkDemo } from '../modules/networks/index.js';
import { createOrganisationRepo } from '../modules/organisations/index.js';
import { createReportingRepo } from '../modules/reporting/index.js';
import { loadSolutionDemo } from '../modules/solutions/index.js';
import { loadVulnerabilityDemo } from '../modules/vulnerabilities/index.js';
import { systemActor } from '../platform/actor.js';
import type { AuditService } from '../platform/audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { PersonDigests } from '../platform/crypto/person-digest.js';
import type { Sealer } from '../platform/crypto/sealed.js';
import { insertDemoEcosystem, insertDemoRows, setProjectCodeSequence } from './demo.repo.js';
import { demoCreditCode } from './demo-codes.js';
import { generateDemoEcosystem } from './demo-ecosystem.js';
import { insertDemoFunds } from './demo-funds.js';
import { generateDemoProgramme } from './demo-programme.js';
import { generateDemoReports } from './demo-reporting.js';
import { insertDemoSanctions } from './demo-sanctions.js';
import { seededRandom } from './prng.js';

/** Demo enterprises per district (division code → names). Every name says 演示 (demo). */
const DEMO_ENTERPRISES: Record<string, string[]> = {
  '440112': ['广州穗联演示智能装备有限公司', '广州黄埔演示新型显示科技有限公司', '广州演示集成电路制造有限公司'],
  '440113': ['广州番禺演示汽车零部件有限公司', '广州演示工业机器人有限公司'],
  '440115': ['广州南沙演示智能网联汽车有限公司', '广州演示船舶装备有限公司'],
  '440114': ['广州花都演示美妆制造有限公司', '广州演示皮具时尚有限公司'],
  '440118': ['广州增城演示新能源汽车有限公司', '广州演示摩托车制造有限公司'],
  '440111': ['广州白云演示定制家居有限公司', '广州演示日化用品有限公司'],
  '440106': ['广州天河演示工业软件有限公司'],
  '440105': ['广州海珠演示纺织服装有限公司'],
  '440103': ['广州荔湾演示生物医药有限公司'],
  '440104': ['广州越秀演示食品加工有限公司'],
  '440117': ['广州从化演示精密机械有限公司'],
};

const DEMO_PROVIDERS: Array<{ division: string; name: string; type: 'operator' | 'service_provider' }> = [
  { division: '440106', name: '演示移动通信广州分公司', type: 'operator' },
  { division: '440104', name: '演示电信广州分公司', type: 'operator' },
  { division: '440106', name: '演示联通广州分公司', type: 'operator' },
  { division: '440112', name: '广州演示工业互联网平台服务有限公司', type: 'service_provider' },
  { division: '440106', name: '广州演示工控安全技术有限公司', type: 'service_provider' },
];

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  /** For roles that must have a second factor: the enrolled TOTP secret as an otpauth URI (ADR 0014). */
  otpauthUri?: string;
  /** With the secret: the account's single-use recovery codes, as a person would have written them down. */
  recoveryCodes?: string[];
}

/**
 * Loads Guangzhou demo data into a database that has reference data but no accounts, in one
 * transaction: either all of it is there or none. Organisation data is the same for the same seed;
 * passwords are random.
 */
export async function loadDemoData(
  db: Db,
  deps: {
    clock: Clock;
    audit: Pick<AuditService, 'append'>;
    /** Roles enrolled in two-factor authentication at seed time; their secrets are sealed with `sealer`. */
    twoFactorRoles?: ReadonlySet<Role>;
    sealer?: Sealer;
    /** Digests the identity numbers of demo sanctions (without it, no demo sanctions). */
    persons?: Pick<PersonDigests, 'digest'>;
  },
  seed = 20250914,
): Promise<DemoAccount[]> {
  const random = seededRandom(seed);
  return db.transaction(async (tx) => {
    const orgs = createOrganisationRepo(tx);
    const city = await orgs.findCity();
    if (!city) throw new Error('reference data must be loaded before demo data');
    const actor = systemActor('system', city.id);
    const now = deps.clock.now();
    const districtByCode = new Map<string, string>();
    for (const code of Object.keys(DEMO_ENTERPRISES)) {
      const district = await orgs.findByDivisionCode(code);
      if (district) districtByCode.set(code, district.id);
    }
    const create = async (row: Parameters<typeof orgs.insert>[0]) => {
      const created = await orgs.insert({ ...row, isDemo: true, createdAt: now, updatedAt: now });
      await deps.audit.append(tx, actor, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: created.id,
        after: { name: created.name, kind: created.kind, demo: true },
      });
      return created;
    };

    const enterprises: string[] = [];
    const named: Array<{ id: string; districtCode: string; name: string }> = [];
    const usedCreditCodes = new Set<string>();
    for (const [code, names] of Object.entries(DEMO_ENTERPRISES)) {
      const districtId = districtByCode.get(code);
      if (!districtId) continue;
      for (const name of names) {
        const row = await create({
          kind: 'enterprise',
          parentId: districtId,
          districtId,
          name,
          creditCode: demoCreditCode(code, random),
          address: `广州市（演示地址）${name.slice(2, 4)}路${Math.floor(random() * 300) + 1}号`,
        });
        enterprises.push(row.id);
        named.push({ id: row.id, districtCode: code, name });
        if (row.creditCode) usedCreditCodes.add(row.creditCode);
      }
    }
    const providers: string[] = [];
    const providerNames: string[] = [];
    const providerRows: Array<{ id: string; name: string }> = [];
    for (const p of DEMO_PROVIDERS) {
      const districtId = districtByCode.get(p.division);
      if (!districtId) continue;
      const row = await create({
        kind: 'provider',
        parentId: districtId,
        districtId,
        name: p.name,
        providerType: p.type,
        creditCode: demoCreditCode(p.division, random),
      });
      providers.push(row.id);
      providerNames.push(row.name);
      providerRows.push({ id: row.id, name: row.name });
      if (row.creditCode) usedCreditCodes.add(row.creditCode);
    }
    const expertPool = await create({
      kind: 'expert_pool',
      parentId: city.id,
      name: '广州市5G+工业互联网专家库（演示）',
      nameEn: 'Expert pool (demo)',
    });

    const huangpu = districtByCode.get('440112');
    // The demo enterprise user works for a 黄埔区 company, so demo.huangpu reviews its projects.
    const firstEnterprise = named.find((e) => e.districtCode === '440112')?.id;
    const firstProvider = providers[0];
    if (!huangpu || !firstEnterprise || !firstProvider) throw new Error('reference districts are missing');
    const accounts: Array<{ username: string; displayName: string; role: Role; orgId: string }> = [
      { username: 'demo.admin', displayName: '市级管理员（演示）', role: 'city_admin', orgId: city.id },
      { username: 'demo.analyst', displayName: '市级分析员（演示）', role: 'city_analyst', orgId: city.id },
      { username: 'demo.huangpu', displayName: '黄埔区专员（演示）', role: 'district_officer', orgId: huangpu },
      { username: 'demo.enterprise', displayName: '企业用户（演示）', role: 'enterprise_user', orgId: firstEnterprise },
      { username: 'demo.provider', displayName: '服务商用户（演示）', role: 'provider_user', orgId: firstProvider },
      { username: 'demo.expert', displayName: '评审专家（演示）', role: 'expert', orgId: expertPool.id },
      { username: 'demo.security', displayName: '安全分析员（演示）', role: 'security_analyst', orgId: city.id },
      { username: 'demo.auditor', displayName: '审计人员（演示）', role: 'auditor', orgId: city.id },
    ];
    const result: DemoAccount[] = [];
    for (const account of accounts) {
      const password = generatePassword();
      // Accounts whose role must have a second factor are enrolled now; the URI goes next to the password.
      const totpSecret = deps.twoFactorRoles?.has(account.role) ? newTotpSecret() : null;
      const userId = await insertDemoUser(tx, deps, actor, { ...account, passwordHash: await hashPassword(password), now });
      if (!totpSecret) {
        result.push({ username: account.username, password, role: account.role });
        continue;
      }
      if (!deps.sealer) throw new Error('demo accounts with a second factor need the data key to seal their secrets');
      await createUserRepo(tx).update(userId, { totpSecret: deps.sealer.seal(totpSecret, totpSealContext(userId)), totpEnabledAt: now });
      const { otpauthUri } = await enrolmentUri(totpSecret, account.username);
      const recoveryCodes = newRecoveryCodes();
      await createTwoFactorRepo(tx).replaceRecoveryCodes(
        userId,
        recoveryCodes.map((c) => hashRecoveryCode(userId, c)),
        now,
      );
      result.push({ username: account.username, password, role: account.role, otpauthUri, recoveryCodes });
    }

    // The programme in mid-flight: ~400 enterprises, ~220 projects in every state, 40 factories.
    const districts = new Map<string, { id: string; name: string }>();
    for (const [code, id] of districtByCode) districts.set(code, { id, name: (await orgs.findById(id))?.name ?? '' });
    const programme = generateDemoProgramme({
      random,
      now,
      districts,
      existing: named,
      scenarios: readSeedLists().scenario.items.map((i) => ({ code: i.code, name: i.nameZh })),
      operators: providers.slice(0, 3),
      usedCreditCodes,
    });
    await insertDemoRows(tx, programme);
    await setProjectCodeSequence(tx, programme.projects.length);

    // Ecosystem registries and selection rounds in several stages. The review panel needs more
    // experts than the one demo login; the others get random passwords nobody knows (reset to use).
    const experts = [(await createUserRepo(tx).findByUsername('demo.expert'))?.id ?? ''];
    for (let n = 2; n <= 6; n++) {
      const user = await createUserRepo(tx).insert({
        username: `demo.expert${n}`,
        displayName: `评审专家${n}（演示）`,
        role: 'expert',
        orgId: expertPool.id,
        passwordHash: await hashPassword(generatePassword()),
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      });
      experts.push(user.id);
    }
    // Every demo operator has users of its own (issue #14): demo.provider logs in for the first; the
    // others get random passwords nobody knows (an administrator resets them to use them).
    for (const [n, orgId] of providers.slice(1, 3).entries()) {
      await createUserRepo(tx).insert({
        username: `demo.operator${n + 2}`,
        displayName: `运营商用户${n + 2}（演示）`,
        role: 'provider_user',
        orgId,
        passwordHash: await hashPassword(generatePassword()),
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      });
    }
    const today = now.toISOString().slice(0, 10);
    const ecosystem = generateDemoEcosystem({
      random,
      now,
      city: { id: city.id },
      districts: [...districts.values()],
      enterprises: programme.organisations.map((o) => ({ id: o.id ?? '', districtId: o.districtId ?? '', name: o.name })),
      factories: programme.factories.map((f) => ({
        id: f.id ?? '',
        enterpriseId: f.enterpriseId,
        districtId: f.districtId,
        name: f.name,
        live: programme.factoryScenarios.filter((x) => x.factoryId === f.id && (x.goLiveDate ?? '9999') <= today).length,
      })),
      projects: programme.projects.map((p) => ({
        id: p.id ?? '',
        enterpriseId: p.enterpriseId,
        districtId: p.districtId,
        title: p.title,
        state: p.state ?? 'draft',
      })),
      experts,
    });
    await insertDemoEcosystem(tx, ecosystem.records, ecosystem.selections);

    // 5G private networks kept by the demo operators; one waits for 黄埔区's confirmation.
    const allEnterprises = named
      .map((e) => ({ id: e.id, districtId: districtByCode.get(e.districtCode) ?? '', name: e.name, address: null as string | null }))
      .concat(
        programme.organisations.map((o) => ({ id: o.id ?? '', districtId: o.districtId ?? '', name: o.name, address: o.address ?? null })),
      );
    const networks = await loadNetworkDemo(tx, {
      now,
      random,
      operators: providers.slice(0, 3).map((id, i) => ({ id, name: providerNames[i] ?? '' })),
      enterprises: allEnterprises,
      projects: programme.projects.map((p) => ({ id: p.id ?? '', enterpriseId: p.enterpriseId, operatorId: p.operatorId ?? null })),
      factories: programme.factories.map((f) => ({ id: f.id ?? '', enterpriseId: f.enterpriseId })),
      waitingEnterpriseId: firstEnterprise,
    });

    const reports = generateDemoReports({ random, now, districts: [...districtByCode].map(([code, id]) => ({ code, id })) });
    const reporting = createReportingRepo(tx);
    await reporting.insertValues(reports.values);
    await reporting.insertRegistrations(reports.registrations);
    // Identifiers: 88.118.8 goes to the demo enterprise login's company, two more to other districts.
    const handleOwners = [firstEnterprise, ...named.filter((e) => e.districtCode !== '440112').map((e) => e.id)].slice(0, 3);
    const handles = await loadHandleDemo(tx, {
      now,
      cityId: city.id,
      enterprises: handleOwners.map((id) => ({ id, name: named.find((e) => e.id === id)?.name ?? '' })),
      random,
    });
    // The vulnerability database: the fixture advisories, an installed base and its findings.
    const security = await loadVulnerabilityDemo(tx, {
      now,
      actor,
      audit: deps.audit,
      enterprises: named
        .map((e) => ({ id: e.id, districtId: districtByCode.get(e.districtCode) ?? null }))
        .concat(programme.organisations.map((o) => ({ id: o.id ?? '', districtId: o.districtId ?? null }))),
      random,
    });
    // Public services (issue #15): the providers' solutions catalogue.
    const solutions = await loadSolutionDemo(tx, { now, providers: providerRows });
    const demands = await loadDemandDemo(tx, {
      now,
      enterprises: named.map((e) => ({ id: e.id, name: e.name, districtId: districtByCode.get(e.districtCode) ?? '' })),
      solutions,
    });
    const sanctions = deps.persons
      ? await insertDemoSanctions(tx, {
          digest: deps.persons.digest,
          now,
          createdBy: (await createUserRepo(tx).findByUsername('demo.admin'))?.id ?? null,
        })
      : 0;
    // Special funds (issue #16 item 1): the demo enterprise's own projects first, so its login has applications.
    const sealer = deps.sealer;
    const funds = sealer
      ? await insertDemoFunds(tx, {
          now,
          projects: [...programme.projects]
            .sort((a, b) => Number(b.enterpriseId === firstEnterprise) - Number(a.enterpriseId === firstEnterprise))
            .map((p) => ({
              id: p.id ?? '',
              enterpriseId: p.enterpriseId,
              districtId: p.districtId,
              state: p.state ?? 'draft',
              investment5g: p.investment5g ?? null,
            })),
          seal: (value, context) => sealer.seal(value, context),
          createdBy: (await createUserRepo(tx).findByUsername('demo.admin'))?.id ?? null,
        })
      : { programmes: 0, applications: 0 };
    // The dataset catalogue (issue #16 item 3): the platform's own data and one uploaded statistics table.
    const datasets = await loadDatasetDemo(tx, {
      now,
      districtCodes: [...districtByCode.keys()].sort(),
      createdBy: (await createUserRepo(tx).findByUsername('demo.admin'))?.id ?? null,
    });
    // 目标分解 (issue #12 item 5): four plan targets shared out to the districts; the rest show 未分解.
    const allocations = await loadAllocationDemo(tx, { now, districtByCode, createdBy: 'demo.admin' });
    await deps.audit.append(tx, actor, {
      action: 'demo.load',
      entityType: 'demo',
      entityId: null,
      after: {
        enterprises: programme.enterpriseCount,
        honours: programme.honours.length,
        projects: programme.projects.length,
        factories: programme.factories.length,
        registryRecords: ecosystem.records.length,
        selectionRounds: ecosystem.selections.rounds.length,
        reportedValues: reports.values.length,
        handles: handles.handles,
        privateNetworks: networks,
        securityAssets: security.assets,
        securityFindings: security.findings,
        solutions: solutions.length,
        demands: demands.demands,
        leads: demands.leads,
        sanctions,
        fundProgrammes: funds.programmes,
        fundApplications: funds.applications,
        datasets,
        allocations,
      },
    });
    return result;
  });
}

async function insertDemoUser(
  tx: DbOrTx,
  deps: { audit: Pick<AuditService, 'append'> },
  actor: ReturnType<typeof systemActor>,
  a: { username: string; displayName: string; role: Role; orgId: string; passwordHash: string; now: Date },
) {
  // Demo accounts skip the forced first-login change: their passwords were generated, not chosen by an admin.
  const user = await createUserRepo(tx).insert({
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    orgId: a.orgId,
    passwordHash: a.passwordHash,
    mustChangePassword: false,
    createdAt: a.now,
    updatedAt: a.now,
  });
  await deps.audit.append(tx, actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    after: { username: user.username, role: user.role, demo: true },
  });
  return user.id;
}

/**
 * Writes `<username> <password> <role> [otpauth-uri recovery-code,…]` lines, readable by the owner
 * only; the URI (accounts with a second factor) goes into an authenticator app, or its `secret=` by
 * hand, and each recovery code opens one login without the app.
 */
export function writeDemoAccounts(dataDir: string, accounts: DemoAccount[]): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'demo-accounts.txt');
  writeFileSync(
    file,
    `${accounts.map((a) => [a.username, a.password, a.role, a.otpauthUri, a.recoveryCodes?.join(',')].filter(Boolean).join(' ')).join('\n')}\n`,
    {
      mode: 0o600,
    },
  );
  chmodSync(file, 0o600);
  return file;
}
