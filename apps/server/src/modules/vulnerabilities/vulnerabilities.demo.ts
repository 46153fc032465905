import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SLA_DAYS } from '@suilian/contracts';
import { count, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { REFERENCE_DIR } from '../../platform/paths.js';
import { incomingCsaf } from './advisory.incoming.js';
import { createAdvisoryRepo } from './advisory.repo.js';
import { vulnAdvisory, vulnerability } from './advisory.table.js';
import { writeAdvisory } from './advisory.write.js';
import { vulnAsset } from './asset.table.js';
import { createAssetRepo } from './assets/asset.repo.js';
import { vulnFinding } from './finding.table.js';
import { loadIndex, matchAndStore } from './matching/matcher.js';

/** Vendor aliases as analysts would keep them. */
const ALIASES = [
  { canonical: 'Siemens', names: ['Siemens AG', '西门子', '西门子（中国）有限公司'] },
  { canonical: 'Mitsubishi Electric', names: ['Mitsubishi Electric Corporation', '三菱电机', '三菱'] },
  { canonical: 'Rockwell Automation', names: ['Rockwell', '罗克韦尔自动化', 'Allen-Bradley'] },
  { canonical: 'Schneider Electric', names: ['施耐德电气', 'Schneider Electric SE'] },
  { canonical: 'Mobotix', names: ['MOBOTIX AG'] },
];

/** Installed-base templates: products of the fixture advisories (versions inside and outside their ranges) and some unrelated kit. */
const TEMPLATES = [
  {
    vendor: '西门子',
    product: 'SIMATIC S7-1500 CPU 1518-4 PN/DP MFP',
    model: '6ES7518-4AX00-1AB0',
    versions: ['V2.9.4', 'V3.0.1', 'V3.1.0'],
  },
  { vendor: 'Siemens', product: 'SINEMA Remote Connect Server', model: null, versions: ['V3.1', 'V3.2 SP2', 'V3.0'] },
  { vendor: '三菱电机', product: 'GX Works2', model: null, versions: ['1.620W', '1.601B'] },
  { vendor: 'Rockwell Automation', product: 'ThinManager', model: null, versions: ['13.1.1', '13.2.0', '14.0.0'] },
  { vendor: '罗克韦尔自动化', product: '2800S OptixPanel Standard', model: null, versions: ['4.0.0.325', '4.0.2.123'] },
  { vendor: '施耐德电气', product: 'Data Center Expert', model: null, versions: ['8.1.1.3', '8.2.0'] },
  { vendor: 'Mobotix', product: 'D24M', model: null, versions: ['MX-V4.4.2.56', '最新版'] },
  { vendor: '汇川技术', product: 'H5U 系列 PLC', model: 'H5U-1614MTD', versions: ['V1.2.0'] },
  { vendor: '华为', product: 'AR502H 工业网关', model: null, versions: ['V300R019C10'] },
];

const SITES = ['一号车间', '二号车间', '总装线', '动力站房', '中控室', '仓储中心'];
const OWNERS = ['王工', '李工', '张工', '陈工', '刘工'];

export interface VulnerabilityDemoDeps {
  now: Date;
  actor: Actor;
  audit: Pick<AuditService, 'append'>;
  enterprises: ReadonlyArray<{ id: string; districtId: string | null }>;
  random: () => number;
}

/**
 * Demo data for the vulnerability database (clearly marked is_demo): the ten CISA fixture
 * advisories, vendor aliases, an installed base for the first enterprises, the matches and
 * findings they give, and findings spread over the loop's states and the last six months.
 */
export async function loadVulnerabilityDemo(
  tx: DbOrTx,
  deps: VulnerabilityDemoDeps,
): Promise<{ advisories: number; assets: number; findings: number }> {
  const { now, random } = deps;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const dir = join(REFERENCE_DIR, 'csaf');
  const advisoryIds: string[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const raw = readFileSync(join(dir, name), 'utf8');
    const written = await writeAdvisory(tx, deps.actor, deps.audit, incomingCsaf(JSON.parse(raw), raw), now);
    advisoryIds.push(written.outcome.advisoryId);
  }
  await tx.update(vulnAdvisory).set({ isDemo: true }).where(inArray(vulnAdvisory.id, advisoryIds));
  await tx
    .update(vulnerability)
    .set({ isDemo: true })
    .where(sql`${vulnerability.id} IN (SELECT vulnerability_id FROM vuln_advisory_vulnerability WHERE advisory_id IN ${advisoryIds})`);
  const repo = createAdvisoryRepo(tx);
  for (const a of ALIASES) await repo.insertAlias({ ...a, createdAt: now, updatedAt: now });

  const rows: Parameters<ReturnType<typeof createAssetRepo>['insert']>[0] = [];
  deps.enterprises.slice(0, 30).forEach((e, i) => {
    const n = 2 + Math.floor(random() * 3);
    for (let k = 0; k < n; k++) {
      const t = pick(TEMPLATES);
      rows.push({
        enterpriseId: e.id,
        districtId: e.districtId,
        name: `${t.product.split(' ')[0]}-${k + 1}`,
        vendor: t.vendor,
        product: t.product,
        model: t.model,
        firmwareVersion: pick(t.versions),
        serial: `SN${String(1000 + i * 10 + k)}`,
        host: `10.${20 + (i % 200)}.${k}.${10 + k}`,
        site: pick(SITES),
        zone: pick(['OT', 'OT', 'IT', 'DMZ'] as const),
        criticality: pick(['high', 'critical', 'medium', 'low'] as const),
        owner: pick(OWNERS),
        isDemo: true,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  const assets = await createAssetRepo(tx).insert(rows);
  await matchAndStore(tx, assets, await loadIndex(tx), { now, by: deps.actor.name, note: 'demo data' });

  // Spread the findings over the last six months and the loop's states, per asset: one firmware
  // upgrade settles all of an asset's CVEs (the S7-1500 MFP of ICSA-23-348-10 has 404), so an
  // asset's findings share their state — and it takes a statement per asset, not per finding.
  for (const a of assets) {
    const ageDays = Math.floor(random() * 180);
    const firstSeenAt = new Date(now.getTime() - ageDays * 86_400_000);
    const roll = random();
    const state =
      roll < 0.25
        ? 'new'
        : roll < 0.45
          ? 'confirmed'
          : roll < 0.6
            ? 'remediating'
            : roll < 0.7
              ? 'fixed_awaiting_verification'
              : roll < 0.92
                ? 'verified_closed'
                : 'risk_accepted';
    const closedAt =
      state === 'verified_closed' ? new Date(firstSeenAt.getTime() + Math.floor(random() * Math.max(1, ageDays)) * 86_400_000) : null;
    const owner = pick(OWNERS);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await tx.execute(sql`
      UPDATE vuln_finding SET state = ${state}, first_seen_at = ${firstSeenAt.toISOString()}, created_at = ${firstSeenAt.toISOString()},
             sla_due_at = ${firstSeenAt.toISOString()}::timestamptz + (CASE grade WHEN 'critical' THEN ${DEFAULT_SLA_DAYS.critical}::int WHEN 'high' THEN ${DEFAULT_SLA_DAYS.high}::int
                          WHEN 'medium' THEN ${DEFAULT_SLA_DAYS.medium}::int ELSE ${DEFAULT_SLA_DAYS.low}::int END) * interval '1 day',
             closed_at = ${closedAt?.toISOString() ?? null}, verified_at = ${closedAt?.toISOString() ?? null}, is_demo = true,
             plan = ${state === 'remediating' || state === 'fixed_awaiting_verification' ? '按厂商公告升级固件并限制访问' : null},
             remediation_owner = ${state === 'remediating' || state === 'fixed_awaiting_verification' ? owner : null},
             remediation_due = ${state === 'remediating' || state === 'fixed_awaiting_verification' ? day(new Date(now.getTime() + 20 * 86_400_000)) : null},
             risk_accepted_until = ${state === 'risk_accepted' ? day(new Date(now.getTime() + 90 * 86_400_000)) : null}
       WHERE asset_id = ${a.id}`);
    if (state !== 'new')
      await tx.execute(sql`
        INSERT INTO vuln_finding_event (finding_id, from_state, to_state, action, actor_name, note, at)
        SELECT id, 'new', ${state}, 'demo', ${deps.actor.name}, '演示数据', ${(closedAt ?? now).toISOString()} FROM vuln_finding WHERE asset_id = ${a.id}`);
  }
  const [findings] = await tx.select({ n: count() }).from(vulnFinding);
  await tx
    .update(vulnAsset)
    .set({ isDemo: true })
    .where(
      inArray(
        vulnAsset.id,
        assets.map((a) => a.id),
      ),
    );
  return { advisories: advisoryIds.length, assets: assets.length, findings: findings?.n ?? 0 };
}
