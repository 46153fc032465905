import {
  type CreateNetworkParsed,
  type EdgeNode,
  type EdgeNodeListQuery,
  type Network,
  type NetworkListQuery,
  type NetworkTransition,
  nextNetworkState,
  type UpdateNetwork,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { confirmationAtEntry } from '../../platform/confirmation/confirmation.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import { checkInServiceOn, checkReferences, operatorFor, slicesOf } from './network.checks.js';
import { networkNotices } from './network.notifications.js';
import { networkPolicy } from './network.policy.js';
import { createNetworkRepo, type NetworkWithNames } from './network.repo.js';
import { presentNetworks } from './network.view.js';

export interface NetworkServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/**
 * 5G private networks (issue #14 item 1): operators register and keep them, enterprises see theirs,
 * the district they count in confirms them (network.confirm.ts), the city sees all. A network an
 * operator registers or edits is declared and counts toward T-INF-3 / T-INF-2 once confirmed.
 */
export function createNetworkService(deps: NetworkServiceDeps) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  async function getVisible(actor: Actor, action: 'read' | 'write', id: string, db: DbOrTx = deps.db): Promise<NetworkWithNames> {
    networkPolicy.authorize(actor, action);
    const row = await createNetworkRepo(db).findById(id);
    if (!row) throw notFound('network');
    networkPolicy.authorize(actor, action, row.network);
    return row;
  }

  async function presentOne(actor: Actor, db: DbOrTx, id: string): Promise<Network> {
    const row = await createNetworkRepo(db).findById(id);
    const [result] = row ? await presentNetworks(db, actor, [row]) : [];
    if (!result) throw notFound('network');
    return result;
  }

  /** Tells the district when the network (again) waits for its confirmation. */
  async function announceDeclared(tx: DbOrTx, actor: Actor, network: Network) {
    if (network.confirmation.state !== 'declared') return;
    for (const notice of networkNotices('declared', network))
      await deps.notifications.notify(tx, notice.recipients, notice.message, { except: [actor.userId] });
  }

  return {
    async list(actor: Actor, query: NetworkListQuery) {
      const page = await createNetworkRepo(deps.db).findPage(networkPolicy.reach(actor, 'read'), query);
      return { items: await presentNetworks(deps.db, actor, page.items), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<Network> {
      await getVisible(actor, 'read', id);
      return presentOne(actor, deps.db, id);
    },

    async create(actor: Actor, input: CreateNetworkParsed): Promise<Network> {
      networkPolicy.authorize(actor, 'write');
      return deps.db.transaction(async (tx) => {
        const operatorId = await operatorFor(tx, actor, input.operatorId);
        const [enterprise] = await createNetworkRepo(tx).organisations([input.enterpriseId]);
        if (enterprise?.kind !== 'enterprise' || !enterprise.districtId)
          throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'exists', 'no such enterprise');
        const parts = await checkReferences(tx, { enterpriseId: input.enterpriseId, operatorId }, input);
        checkInServiceOn(input.state, input.inServiceOn, today());
        const now = deps.clock.now();
        const districtId = input.districtId ?? enterprise.districtId;
        const owner = { districtId, enterpriseId: input.enterpriseId, operatorId };
        const created = await createNetworkRepo(tx).insert({
          ...owner,
          name: input.name,
          mode: input.mode,
          bands: [...new Set(input.bands)],
          upfLocation: input.upfLocation,
          state: input.state,
          inServiceOn: input.inServiceOn ?? null,
          contractStart: input.contractStart ?? null,
          contractEnd: input.contractEnd ?? null,
          // Registered by the operator: counted once the district confirms (city admins confirm at entry).
          ...confirmationAtEntry(actor, networkPolicy.can(actor, 'confirm', owner), now),
          createdAt: now,
          updatedAt: now,
        });
        await createNetworkRepo(tx).replaceParts(created.id, { ...parts, slices: slicesOf(input) });
        const result = await presentOne(actor, tx, created.id);
        await deps.audit.append(tx, actor, { action: 'network.create', entityType: 'network', entityId: created.id, after: result });
        await announceDeclared(tx, actor, result);
        return result;
      });
    },

    async update(actor: Actor, id: string, input: UpdateNetwork): Promise<Network> {
      return deps.db.transaction(async (tx) => {
        const current = (await getVisible(actor, 'write', id, tx)).network;
        const before = await presentOne(actor, tx, id);
        const parts = await checkReferences(tx, current, input);
        if (input.inServiceOn !== undefined) checkInServiceOn(current.state, input.inServiceOn, today());
        const { version, sites: _s, slices: _l, edgeNodes: _e, projectIds: _p, factoryIds: _f, bands, ...fields } = input;
        // An edit by someone who may not confirm declares the network again (as factories).
        const confirmation = networkPolicy.can(actor, 'confirm', current) ? {} : confirmationAtEntry(actor, false, deps.clock.now());
        const updated = await createNetworkRepo(tx).updateVersioned(id, version, {
          ...fields,
          ...(bands ? { bands: [...new Set(bands)] } : {}),
          ...confirmation,
          updatedAt: deps.clock.now(),
        });
        if (!updated) throw staleVersion('network');
        await createNetworkRepo(tx).replaceParts(id, { ...parts, slices: slicesOf(input) });
        const after = await presentOne(actor, tx, id);
        await deps.audit.append(tx, actor, { action: 'network.update', entityType: 'network', entityId: id, before, after });
        if (before.confirmation.state !== 'declared') await announceDeclared(tx, actor, after);
        return after;
      });
    },

    /** One lifecycle step (contracts' NETWORK_TRANSITIONS); going live records the in-service day. */
    async transition(actor: Actor, id: string, input: NetworkTransition): Promise<Network> {
      return deps.db.transaction(async (tx) => {
        const current = (await getVisible(actor, 'write', id, tx)).network;
        const to = nextNetworkState(current.state, input.action);
        if (!to)
          throw refusal('CONFLICT', 'network.transition_not_allowed', `cannot ${input.action} a network that is ${current.state}`, {
            action: input.action,
            state: current.state,
          });
        const day = input.date ?? today();
        if (day > today()) throw fieldError('VALIDATION_FAILED', 'date', 'not_future', 'the day cannot be in the future');
        if (input.action === 'retire' && current.inServiceOn && day < current.inServiceOn)
          throw fieldError('VALIDATION_FAILED', 'date', 'after_in_service', 'a network retires after it went into service');
        const before = await presentOne(actor, tx, id);
        const updated = await createNetworkRepo(tx).updateVersioned(id, input.version, {
          state: to,
          ...(input.action === 'go_live' ? { inServiceOn: day } : {}),
          ...(input.action === 'retire' ? { retiredOn: day } : {}),
          updatedAt: deps.clock.now(),
        });
        if (!updated) throw staleVersion('network');
        const after = await presentOne(actor, tx, id);
        await deps.audit.append(tx, actor, {
          action: `network.${input.action}`,
          entityType: 'network',
          entityId: id,
          before: { state: before.state, inServiceOn: before.inServiceOn, retiredOn: before.retiredOn },
          after: { state: after.state, inServiceOn: after.inServiceOn, retiredOn: after.retiredOn },
        });
        return after;
      });
    },

    /** Edge nodes of the networks in reach (the edge node list, T-INF-2's records). */
    async edgeNodes(actor: Actor, query: EdgeNodeListQuery): Promise<{ items: EdgeNode[]; total: number }> {
      const page = await createNetworkRepo(deps.db).findEdgeNodePage(networkPolicy.reach(actor, 'read'), query);
      return {
        total: page.total,
        items: page.items.map((r) => ({
          id: r.node.id,
          networkId: r.node.networkId,
          networkName: r.networkName,
          name: r.node.name,
          location: r.node.location,
          operatorId: r.node.operatorId,
          operatorName: r.operatorName,
          districtId: r.districtId,
          districtName: r.districtName,
          cpuCores: r.node.cpuCores,
          memoryGb: r.node.memoryGb,
          gpuCount: r.node.gpuCount,
          commissionedOn: r.node.commissionedOn,
          confirmationState: r.confirmationState,
        })),
      };
    },
  };
}

export type NetworkService = ReturnType<typeof createNetworkService>;
