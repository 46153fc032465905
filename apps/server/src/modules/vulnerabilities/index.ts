import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { JobService } from '../../platform/jobs/job.service.js';
import type { Schedules } from '../../platform/jobs/schedules.js';
import type { NotificationService } from '../notifications/index.js';
import { createAdvisoryService } from './advisory.service.js';
import { createAssetImporter } from './assets/asset.import.js';
import { createAssetService } from './assets/asset.service.js';
import { registerCatalogueRoutes } from './catalogue.routes.js';
import { createCatalogueService } from './catalogue.service.js';
import { createEscalation } from './findings/escalation.js';
import { createFindingService } from './findings/finding.service.js';
import { registerLoopRoutes } from './loop.routes.js';
import { createMatchingService } from './matching/matching.service.js';
import { createNoticeService } from './notices/notice.service.js';
import { createScanService } from './scans/scan.service.js';
import { createStatsService } from './stats/stats.service.js';
import { vulnerabilityPolicy } from './vulnerability.policy.js';

export type { AdvisoryService } from './advisory.service.js';
export { loadVulnerabilityDemo } from './vulnerabilities.demo.js';
export { securityTodos } from './workbench.js';

export interface VulnerabilitiesDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  jobs: Pick<JobService, 'define'>;
  notifications: Pick<NotificationService, 'notify'>;
  systemActor: () => Promise<Actor>;
  log?: { warn(obj: object, msg: string): void };
  /** The CSAF directory import's limits and validation threads (config.csafImport); defaults when absent. */
  csafImport?: { maxFiles: number; maxBytes: number; workers: number };
}

/** How often overdue findings are escalated and expired risk acceptances reopened. */
const SWEEP_INTERVAL_MS = 3_600_000;

/**
 * The industrial vulnerability database and its closed loop (issue #5): advisories, matching,
 * assets, findings with SLA escalation, scans, early-warning notices and statistics.
 */
export function createVulnerabilitiesModule(deps: VulnerabilitiesDeps) {
  const matching = createMatchingService(deps);
  const advisories = createAdvisoryService({
    ...deps,
    matching,
    ...(deps.csafImport ? { csafWorkers: deps.csafImport.workers } : {}),
  });
  const catalogue = createCatalogueService(deps);
  const assets = createAssetService({ ...deps, matching });
  const assetImporter = createAssetImporter({ ...deps, assets, matching });
  const findings = createFindingService(deps);
  const scans = createScanService({ ...deps, matching });
  const notices = createNoticeService(deps);
  const stats = createStatsService(deps);
  const escalation = createEscalation(deps);
  return {
    advisories,
    catalogue,
    matching,
    assets,
    findings,
    notices,
    /** The security statistics, read by the white paper (issue #16 item 4). */
    stats,
    escalation,
    /** The SLA sweep as a periodic task on the job queue (call while the app is built). */
    schedule: (schedules: Pick<Schedules, 'every'>) => escalation.schedule(schedules, SWEEP_INTERVAL_MS),
    registerRoutes(app: FastifyInstance) {
      app.addHook('onClose', () => advisories.close());
      registerCatalogueRoutes(app, {
        advisories,
        catalogue,
        ...(deps.csafImport ? { directoryLimits: deps.csafImport } : {}),
      });
      registerLoopRoutes(app, {
        assets,
        assetImporter,
        matching,
        findings,
        scans,
        notices,
        stats,
        sweep: async (actor) => {
          vulnerabilityPolicy.authorize(actor, 'manage');
          return escalation.sweep();
        },
      });
    },
  };
}
