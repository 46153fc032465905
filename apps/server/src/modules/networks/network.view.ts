import { formatSnssai, type NETWORK_ALLOWED, type Network, networkActionsFrom } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { toConfirmation } from '../../platform/confirmation/confirmation.js';
import { networkPolicy } from './network.policy.js';
import { createNetworkRepo, type NetworkWithNames } from './network.repo.js';

type Allowed = (typeof NETWORK_ALLOWED)[number];

/**
 * What the actor may do to the network now: the lifecycle's next steps and editing when they keep
 * it, confirm / return when its district is theirs (the contracts' rule and the policy together).
 */
export function allowedActions(actor: Actor, row: NetworkWithNames['network']): Allowed[] {
  const out: Allowed[] = [];
  if (networkPolicy.can(actor, 'write', row)) out.push(...networkActionsFrom(row.state), 'edit');
  if (networkPolicy.can(actor, 'confirm', row)) {
    if (row.confirmationState !== 'confirmed') out.push('confirm');
    if (row.confirmationState !== 'returned') out.push('return');
  }
  return out;
}

/** The networks as the API shows them, with their parts read in a few statements. */
export async function presentNetworks(db: DbOrTx, actor: Actor, rows: NetworkWithNames[]): Promise<Network[]> {
  const repo = createNetworkRepo(db);
  const ids = rows.map((r) => r.network.id);
  // Sequential: `db` may be a transaction's single connection.
  const sites = await repo.findSites(ids);
  const slices = await repo.findSlices(ids);
  const nodes = await repo.findEdgeNodes(ids);
  const projects = await repo.findProjectLinks(ids);
  const factories = await repo.findFactoryLinks(ids);
  return rows.map(({ network: n, enterpriseName, operatorName, districtName }) => ({
    id: n.id,
    name: n.name,
    enterpriseId: n.enterpriseId,
    enterpriseName,
    operatorId: n.operatorId,
    operatorName,
    districtId: n.districtId,
    districtName,
    mode: n.mode,
    bands: n.bands as Network['bands'],
    upfLocation: n.upfLocation,
    state: n.state,
    inServiceOn: n.inServiceOn,
    retiredOn: n.retiredOn,
    contractStart: n.contractStart,
    contractEnd: n.contractEnd,
    sites: sites
      .filter((s) => s.networkId === n.id)
      .map((s) => ({
        districtId: s.districtId,
        districtName: s.districtName,
        address: s.address,
        longitude: s.longitude,
        latitude: s.latitude,
      })),
    slices: slices
      .filter((s) => s.networkId === n.id)
      .map((s) => ({ name: s.name, sst: s.sst, sd: s.sd, fiveQi: s.fiveQi, snssai: formatSnssai(s) })),
    edgeNodes: nodes
      .filter((e) => e.networkId === n.id)
      .map((e) => ({
        id: e.id,
        networkId: n.id,
        networkName: n.name,
        name: e.name,
        location: e.location,
        operatorId: e.operatorId,
        operatorName: e.operatorName,
        districtId: n.districtId,
        districtName,
        cpuCores: e.cpuCores,
        memoryGb: e.memoryGb,
        gpuCount: e.gpuCount,
        commissionedOn: e.commissionedOn,
        confirmationState: n.confirmationState,
      })),
    projects: projects.filter((p) => p.networkId === n.id).map(({ networkId: _, ...p }) => p),
    factories: factories.filter((f) => f.networkId === n.id).map(({ networkId: _, ...f }) => f),
    confirmation: toConfirmation(n),
    allowedActions: allowedActions(actor, n),
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  }));
}
