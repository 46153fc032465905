import { createHash } from 'node:crypto';
import type { NetworkSla, SlaMeasurementSet, UploadSlaMeasurementsQuery } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { notFound, refusal } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/tabular/http.js';
import { countSamples } from './logic/samples.js';
import { parseDriveTest } from './parsers/drive-test.js';
import { parseIperf3 } from './parsers/iperf3.js';
import { parsePing } from './parsers/ping.js';
import { periodOfInstant } from './period.js';
import { presentProfile, type SlaServiceDeps } from './profile.service.js';
import { slaPolicy } from './sla.policy.js';
import { createSlaRepo, type NetworkRef } from './sla.repo.js';
import { presentResult, presentSet } from './sla.view.js';

/** The network, authorized for the action (403 without the access, 404 out of reach). */
export async function visibleNetwork(db: DbOrTx, actor: Actor, action: 'read' | 'test' | 'sign_off', id: string): Promise<NetworkRef> {
  slaPolicy.authorize(actor, action);
  const network = await createSlaRepo(db).network(id);
  if (!network) throw notFound('network');
  slaPolicy.authorize(actor, action, network);
  return network;
}

/** Parses an uploaded file in the format the uploader named. */
function parse(file: UploadedFile, query: UploadSlaMeasurementsQuery) {
  switch (query.format) {
    case 'iperf3':
      return parseIperf3(file.content);
    case 'ping':
      return parsePing(file.content, query.startedAt ? Date.parse(query.startedAt) : null);
    case 'drive_test':
      return parseDriveTest(file.content);
  }
}

/**
 * A network's SLA page (issue #14 item 3): its profile, its uploaded tests and its results. The
 * operator and the enterprise attach the profile and upload tests; a test counts toward the month
 * it began in, and cannot be withdrawn once that month's result was accepted.
 */
export function createNetworkSlaService(deps: SlaServiceDeps) {
  async function view(actor: Actor, network: NetworkRef, db: DbOrTx = deps.db): Promise<NetworkSla> {
    const repo = createSlaRepo(db);
    const [profile, sets, results] = await Promise.all([
      repo.networkProfile(network.id),
      repo.setsOf(network.id),
      repo.resultsOf(network.id),
    ]);
    return {
      networkId: network.id,
      profile: profile ? presentProfile(profile) : null,
      measurementSets: sets.map(presentSet),
      results: results.map((row) => presentResult(actor, network, row)),
      canTest: slaPolicy.can(actor, 'test', network),
    };
  }

  async function refuseIfAccepted(db: DbOrTx, networkId: string, period: string) {
    const result = await createSlaRepo(db).resultFor(networkId, period);
    if (result?.state === 'accepted')
      throw refusal('CONFLICT', 'sla.signed_off', `the result of ${period} was accepted; its tests are final`, { period });
  }

  return {
    async get(actor: Actor, networkId: string): Promise<NetworkSla> {
      return view(actor, await visibleNetwork(deps.db, actor, 'read', networkId));
    },

    async setProfile(actor: Actor, networkId: string, profileId: string): Promise<NetworkSla> {
      return deps.db.transaction(async (tx) => {
        const network = await visibleNetwork(tx, actor, 'test', networkId);
        const profile = await createSlaRepo(tx).profile(profileId);
        if (!profile) throw refusal('NOT_FOUND', 'sla.profile_missing', 'no such SLA profile');
        await createSlaRepo(tx).setNetworkProfile(networkId, profileId, actor.userId, deps.clock.now());
        await deps.audit.append(tx, actor, {
          action: 'sla.profile_set',
          entityType: 'network',
          entityId: networkId,
          after: { profileId, code: profile.code },
        });
        return view(actor, network, tx);
      });
    },

    async upload(
      actor: Actor,
      networkId: string,
      query: UploadSlaMeasurementsQuery,
      file: () => Promise<UploadedFile>,
    ): Promise<SlaMeasurementSet> {
      const network = await visibleNetwork(deps.db, actor, 'test', networkId);
      const content = await file();
      const parsed = parse(content, query);
      const sha256 = createHash('sha256').update(content.content).digest('hex');
      return deps.db.transaction(async (tx) => {
        await refuseIfAccepted(tx, network.id, periodOfInstant(parsed.from));
        const repo = createSlaRepo(tx);
        const counts = countSamples(parsed.samples);
        const { id } = await repo.insertSet({
          networkId,
          format: query.format,
          fileName: content.name.slice(0, 255),
          sha256,
          measuredFrom: new Date(parsed.from),
          measuredTo: new Date(parsed.to),
          counts,
          samples: parsed.samples,
          uploadedBy: actor.userId,
          uploadedAt: deps.clock.now(),
        });
        await deps.audit.append(tx, actor, {
          action: 'sla.upload',
          entityType: 'network',
          entityId: networkId,
          after: { setId: id, format: query.format, file: content.name, sha256, counts },
        });
        const row = (await repo.setsOf(networkId)).find((s) => s.id === id);
        if (!row) throw notFound('sla_measurement_set');
        return presentSet(row);
      });
    },

    async deleteSet(actor: Actor, setId: string): Promise<{ ok: true }> {
      return deps.db.transaction(async (tx) => {
        const set = await createSlaRepo(tx).set(setId);
        if (!set) throw notFound('sla_measurement_set');
        await visibleNetwork(tx, actor, 'test', set.networkId);
        await refuseIfAccepted(tx, set.networkId, periodOfInstant(set.measuredFrom.getTime()));
        await createSlaRepo(tx).deleteSet(setId);
        await deps.audit.append(tx, actor, {
          action: 'sla.delete_measurements',
          entityType: 'network',
          entityId: set.networkId,
          before: { setId, file: set.fileName, sha256: set.sha256 },
        });
        return { ok: true as const };
      });
    },
  };
}

export type NetworkSlaService = ReturnType<typeof createNetworkSlaService>;
