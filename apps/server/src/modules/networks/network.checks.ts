import type { CreateNetworkParsed, UpdateNetwork } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { fieldError, refusal } from '../../platform/errors.js';
import { createNetworkRepo } from './network.repo.js';

type Input = Partial<Pick<CreateNetworkParsed, 'districtId' | 'sites' | 'edgeNodes' | 'projectIds' | 'factoryIds'>>;

/**
 * The operator a new network is registered under: an operator's own user registers for their
 * organisation (a service provider's user is refused, network.operators_only); city administrators
 * name the operator.
 */
export async function operatorFor(db: DbOrTx, actor: Actor, requested: string | undefined): Promise<string> {
  const repo = createNetworkRepo(db);
  if (actor.scope === 'organisation') {
    const [own] = await repo.organisations([actor.orgId]);
    if (own?.kind !== 'provider' || own.providerType !== 'operator')
      throw refusal('FORBIDDEN', 'network.operators_only', 'only telecom operators register private networks');
    if (requested && requested !== actor.orgId)
      throw fieldError('VALIDATION_FAILED', 'operatorId', 'own_organisation', 'operators register networks under their own organisation');
    return actor.orgId;
  }
  if (!requested) throw fieldError('VALIDATION_FAILED', 'operatorId', 'required', 'name the operator that runs the network');
  const [org] = await repo.organisations([requested]);
  if (org?.kind !== 'provider' || org.providerType !== 'operator')
    throw fieldError('VALIDATION_FAILED', 'operatorId', 'operator', 'not a telecom operator');
  return requested;
}

/**
 * Checks the references a network's input names — the enterprise's own projects and factories,
 * districts for the network and its sites, operators for its edge nodes — and returns the parts
 * ready to write (edge nodes default to the network's operator).
 */
export async function checkReferences(db: DbOrTx, network: { enterpriseId: string; operatorId: string }, input: Input) {
  const repo = createNetworkRepo(db);
  const orgIds = [
    ...(input.districtId ? [input.districtId] : []),
    ...(input.sites ?? []).map((s) => s.districtId),
    ...(input.edgeNodes ?? []).flatMap((e) => (e.operatorId ? [e.operatorId] : [])),
  ];
  const orgs = new Map((await repo.organisations([...new Set(orgIds)])).map((o) => [o.id, o]));
  const isDistrict = (id: string) => orgs.get(id)?.kind === 'district';
  if (input.districtId && !isDistrict(input.districtId))
    throw fieldError('VALIDATION_FAILED', 'districtId', 'district', 'must name a district');
  input.sites?.forEach((s, i) => {
    if (!isDistrict(s.districtId)) throw fieldError('VALIDATION_FAILED', `sites.${i}.districtId`, 'district', 'must name a district');
  });
  input.edgeNodes?.forEach((e, i) => {
    const org = e.operatorId ? orgs.get(e.operatorId) : null;
    if (e.operatorId && (org?.kind !== 'provider' || org.providerType !== 'operator'))
      throw fieldError('VALIDATION_FAILED', `edgeNodes.${i}.operatorId`, 'operator', 'not a telecom operator');
  });
  const owned = async (field: 'projectIds' | 'factoryIds', ids: string[] | undefined) => {
    if (!ids) return;
    const rows = field === 'projectIds' ? await repo.projectOwners(ids) : await repo.factoryOwners(ids);
    const owners = new Map(rows.map((r) => [r.id, r.enterpriseId]));
    ids.forEach((id, i) => {
      if (owners.get(id) !== network.enterpriseId)
        throw fieldError('VALIDATION_FAILED', `${field}.${i}`, 'same_enterprise', 'link only records of the network’s enterprise');
    });
  };
  await owned('projectIds', input.projectIds);
  await owned('factoryIds', input.factoryIds);
  return {
    sites: input.sites?.map((s) => ({
      districtId: s.districtId,
      address: s.address,
      longitude: s.longitude ?? null,
      latitude: s.latitude ?? null,
    })),
    edgeNodes: input.edgeNodes?.map((e) => ({
      name: e.name,
      location: e.location,
      operatorId: e.operatorId ?? network.operatorId,
      cpuCores: e.cpuCores ?? null,
      memoryGb: e.memoryGb ?? null,
      gpuCount: e.gpuCount ?? null,
      commissionedOn: e.commissionedOn ?? null,
    })),
    projectIds: input.projectIds ? [...new Set(input.projectIds)] : undefined,
    factoryIds: input.factoryIds ? [...new Set(input.factoryIds)] : undefined,
  };
}

/** Slices as stored: SD upper-case, empty SD as none (the schema checked SST, SD and 5QI). */
export function slicesOf(input: Pick<UpdateNetwork, 'slices'>) {
  return input.slices?.map((s) => ({ name: s.name, sst: s.sst, sd: s.sd ? s.sd.toUpperCase() : null, fiveQi: s.fiveQi }));
}

/**
 * The in-service date against the state: only a network in service (or retired) has one, it is
 * required once in service, and it is never in the future.
 */
export function checkInServiceOn(state: string, inServiceOn: string | null | undefined, today: string): void {
  const served = state === 'in_service' || state === 'retired';
  if (!served && inServiceOn)
    throw fieldError('VALIDATION_FAILED', 'inServiceOn', 'state', 'only a network in service has an in-service date');
  if (served && !inServiceOn)
    throw fieldError('VALIDATION_FAILED', 'inServiceOn', 'required', 'give the day the network went into service');
  if (inServiceOn && inServiceOn > today)
    throw fieldError('VALIDATION_FAILED', 'inServiceOn', 'not_future', 'the day cannot be in the future');
}
