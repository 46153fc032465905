import type { FastifyInstance } from 'fastify';
import { createSlaProfileService } from './profile.service.js';
import { createSlaResultService, type SlaResultDeps } from './result.service.js';
import { registerSlaRoutes } from './sla.routes.js';
import { createNetworkSlaService } from './sla.service.js';

export { ensureSlaPresets } from './presets.js';
export { slaTodos } from './workbench.js';

/**
 * SLA validation of 5G private networks (专网验收, issue #14 item 3): profiles kept by the city,
 * tests uploaded by the network's operator or enterprise (iperf3, ping, drive test) or published by
 * its probes, monthly results with per-item evidence, the acceptance report (HTML / PDF) and the
 * district's sign-off.
 */
export function createSlaModule(deps: SlaResultDeps) {
  const profiles = createSlaProfileService(deps);
  const networks = createNetworkSlaService(deps);
  const results = createSlaResultService(deps);
  return {
    profiles,
    networks,
    results,
    registerRoutes: (app: FastifyInstance) => registerSlaRoutes(app, profiles, networks, results),
  };
}
