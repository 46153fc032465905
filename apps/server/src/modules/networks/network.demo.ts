import { randomUUID } from 'node:crypto';
import { PLAN_START } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { edgeNode, networkFactory, networkProject, networkSite, networkSlice, privateNetwork } from './network.table.js';

export interface NetworkDemoContext {
  now: Date;
  random: () => number;
  /** The demo operators, in the order 移动, 电信, 联通. */
  operators: Array<{ id: string; name: string }>;
  enterprises: Array<{ id: string; districtId: string; name: string; address: string | null }>;
  projects: Array<{ id: string; enterpriseId: string; operatorId: string | null }>;
  factories: Array<{ id: string; enterpriseId: string }>;
  /** The enterprise whose network waits for its district's confirmation (registered by the first operator). */
  waitingEnterpriseId: string;
}

const BANDS: ReadonlyArray<ReadonlyArray<Array<'n1' | 'n28' | 'n41' | 'n78' | 'n79'>>> = [
  [['n41', 'n79'], ['n41', 'n28'], ['n79']],
  [['n78'], ['n78', 'n1']],
  [['n78'], ['n78', 'n1']],
];
const MODE_WORD = { virtual: '5G虚拟专网', hybrid: '5G混合专网', dedicated: '5G独立专网' } as const;
const DAY = 86_400_000;

/**
 * Demo private networks (issue #14 item 1): each demo operator keeps networks for the demo
 * enterprises whose projects name it, spread over districts — most in service and confirmed, some
 * being built, one waiting for its district (the demo enterprise login's company, in 黄埔区).
 * Deterministic for the same `random`. Returns how many networks it wrote.
 */
export async function loadNetworkDemo(tx: DbOrTx, ctx: NetworkDemoContext): Promise<number> {
  const { random, now } = ctx;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = () =>
    Math.floor(random() * 0xfffffe)
      .toString(16)
      .toUpperCase()
      .padStart(6, '0');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const start = Date.parse(PLAN_START) + 20 * DAY;
  const span = Math.max(DAY, now.getTime() - 14 * DAY - start);
  const byId = new Map(ctx.enterprises.map((e) => [e.id, e]));

  const networks: Array<typeof privateNetwork.$inferInsert> = [];
  const sites: Array<typeof networkSite.$inferInsert> = [];
  const slices: Array<typeof networkSlice.$inferInsert> = [];
  const nodes: Array<typeof edgeNode.$inferInsert> = [];
  const projectLinks: Array<typeof networkProject.$inferInsert> = [];
  const factoryLinks: Array<typeof networkFactory.$inferInsert> = [];

  ctx.operators.forEach((operator, index) => {
    // The enterprises whose projects name this operator, one per district first, up to five.
    const clients = [...new Set(ctx.projects.filter((p) => p.operatorId === operator.id).map((p) => p.enterpriseId))]
      .map((id) => byId.get(id))
      .filter((e) => e !== undefined);
    const seen = new Set<string>();
    const spread = [...clients.filter((e) => !seen.has(e.districtId) && seen.add(e.districtId)), ...clients].filter(
      (e, i, all) => all.indexOf(e) === i && e.id !== ctx.waitingEnterpriseId,
    );
    const chosen = spread.slice(0, 5);
    const waiting = index === 0 ? byId.get(ctx.waitingEnterpriseId) : undefined;
    if (waiting) chosen.push(waiting);
    chosen.forEach((enterprise, n) => {
      const id = randomUUID();
      const isWaiting = enterprise === waiting;
      const mode = pick(['virtual', 'virtual', 'hybrid', 'hybrid', 'dedicated'] as const);
      const state = isWaiting ? 'in_service' : n === 3 ? 'building' : n === 4 ? 'planned' : 'in_service';
      const inService = state === 'in_service' ? start + Math.floor(random() * span) : null;
      const contractStart = (inService ?? now.getTime()) - 60 * DAY;
      const short = enterprise.name.replace(/^广州(市)?/, '').replace(/有限(责任)?公司$/, '');
      networks.push({
        id,
        name: `${short}${MODE_WORD[mode]}`,
        enterpriseId: enterprise.id,
        operatorId: operator.id,
        districtId: enterprise.districtId,
        mode,
        bands: [...pick(BANDS[index] ?? BANDS[1] ?? [['n78']])],
        upfLocation: mode === 'virtual' ? 'operator_edge' : 'enterprise_premises',
        state,
        inServiceOn: inService ? day(inService) : null,
        contractStart: day(contractStart),
        contractEnd: day(contractStart + 3 * 365 * DAY),
        isDemo: true,
        ...(isWaiting
          ? { confirmationState: 'declared' as const }
          : {
              confirmationState: 'confirmed' as const,
              confirmedBy: 'system',
              confirmedAt: new Date(Math.min(now.getTime(), (inService ?? now.getTime() - 30 * DAY) + 5 * DAY)),
              confirmationComment: '已现场核验（演示）',
            }),
        createdAt: now,
        updatedAt: now,
      });
      sites.push({
        networkId: id,
        position: 0,
        districtId: enterprise.districtId,
        address: enterprise.address ?? `${enterprise.name}厂区`,
      });
      slices.push({ networkId: id, position: 0, name: '生产数据切片', sst: 1, sd: hex(), fiveQi: mode === 'virtual' ? 9 : 80 });
      if (mode !== 'virtual') slices.push({ networkId: id, position: 1, name: 'AGV与运动控制切片', sst: 2, sd: hex(), fiveQi: 82 });
      if (mode !== 'virtual' || random() < 0.4)
        nodes.push({
          networkId: id,
          position: 0,
          name: mode === 'virtual' ? `${operator.name.replace(/广州分公司$/, '')}边缘节点${n + 1}` : `${short}园区MEC`,
          location: mode === 'virtual' ? '运营商边缘机房（演示）' : (enterprise.address ?? `${enterprise.name}厂区`),
          operatorId: operator.id,
          cpuCores: pick([32, 64, 96]),
          memoryGb: pick([128, 256, 512]),
          gpuCount: pick([0, 2, 4]),
          commissionedOn: inService ? day(inService) : null,
        });
      for (const p of ctx.projects.filter((x) => x.enterpriseId === enterprise.id && x.operatorId === operator.id).slice(0, 2))
        projectLinks.push({ networkId: id, projectId: p.id });
      for (const f of ctx.factories.filter((x) => x.enterpriseId === enterprise.id).slice(0, 1))
        factoryLinks.push({ networkId: id, factoryId: f.id });
    });
  });

  if (networks.length === 0) return 0;
  await tx.insert(privateNetwork).values(networks);
  await tx.insert(networkSite).values(sites);
  await tx.insert(networkSlice).values(slices);
  if (nodes.length > 0) await tx.insert(edgeNode).values(nodes);
  if (projectLinks.length > 0) await tx.insert(networkProject).values(projectLinks);
  if (factoryLinks.length > 0) await tx.insert(networkFactory).values(factoryLinks);
  return networks.length;
}
