import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../platform/clock.js';
import { createDeviceRepo } from '../device.repo.js';
import { secretHashOf } from '../ingest/ingest.service.js';

/** A simulated device's credentials, as the simulator connects with them. */
export interface SimulatedDevice {
  deviceKey: string;
  secret: string;
}

/**
 * Gives the simulator `count` devices `sim-0001 …` on a network (the given one or the first demo
 * network in service): missing ones are registered, existing ones get a new secret (secrets are
 * kept only as digests, so the simulator cannot reuse old ones). Only `sim-` devices are touched.
 */
export async function provisionSimulatedDevices(
  db: Db,
  clock: Clock,
  options: { count: number; networkId?: string; inactivitySeconds: number },
): Promise<{ network: { id: string; name: string }; devices: SimulatedDevice[] }> {
  const network = await createDeviceRepo(db).simulationNetwork(options.networkId);
  if (!network) throw new Error(options.networkId ? `no private network ${options.networkId}` : 'no demo private network in service');
  const devices: SimulatedDevice[] = [];
  await db.transaction(async (tx) => {
    const repo = createDeviceRepo(tx);
    const now = clock.now();
    for (let n = 1; n <= options.count; n++) {
      const deviceKey = `sim-${String(n).padStart(4, '0')}`;
      const secret = randomBytes(32).toString('base64url');
      const existing = await repo.findByKey(deviceKey);
      if (existing) await repo.setSecretHash(existing.id, secretHashOf(secret), now);
      else
        await repo.insert({
          networkId: network.id,
          deviceKey,
          name: `模拟网关 ${String(n).padStart(4, '0')}`,
          kind: 'gateway',
          inactivitySeconds: options.inactivitySeconds,
          secretHash: secretHashOf(secret),
          isDemo: true,
          createdAt: now,
          updatedAt: now,
        });
      devices.push({ deviceKey, secret });
    }
  });
  return { network, devices };
}
