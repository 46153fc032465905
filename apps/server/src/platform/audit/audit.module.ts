import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { Schedules } from '../jobs/schedules.js';
import { type AnchorLog, type AnchorTargets, createAnchorSinks } from './anchor-sinks.js';
import { registerAuditRoutes } from './audit.routes.js';
import { createAuditService } from './audit.service.js';
import { openAuditKeys } from './audit-keys.js';
import { createCheckpointWriter } from './checkpoints.js';

/** The periodic checkpoint's name on the job queue (ADR 0012). */
export const AUDIT_CHECKPOINT_TASK = 'audit.checkpoint';

export interface AuditModuleOptions {
  db: Db;
  clock: Clock;
  log: AnchorLog;
  /** The audit key file (AUDIT_KEY_FILE). */
  keyFile: string;
  /** Where checkpoints go (AUDIT_ANCHOR_DIR, AUDIT_ANCHOR_URL, AUDIT_ANCHOR_SYSLOG). */
  anchors: AnchorTargets;
}

/**
 * The audit log wired for the app (ADR 0013): the key file opened (created on first start), the
 * service signing with it, and checkpoints of the chain's head written at start, periodically on
 * the job queue and at shutdown.
 */
export async function createAuditModule(options: AuditModuleOptions) {
  const { db, clock, log } = options;
  const keys = await openAuditKeys({ file: options.keyFile, db, clock, warn: (message) => log.warn({}, message) });
  const service = createAuditService({ db, clock, keys, anchorDir: options.anchors.dir });
  const checkpoints = createCheckpointWriter({ db, clock, keys, sinks: createAnchorSinks(options.anchors, log) });
  /** Never fails the start or the shutdown: a missing checkpoint weakens the evidence, it must not stop the service. */
  const checkpoint = async (reason: 'start' | 'shutdown'): Promise<void> => {
    try {
      await checkpoints.write(reason);
    } catch (err) {
      log.error({ err }, `audit checkpoint at ${reason} failed`);
    }
  };
  return {
    service,
    keys,
    checkpoints,
    /** A checkpoint every `intervalMs` across the instances (AUDIT_CHECKPOINT_MINUTES); 0 = start and shutdown only. */
    schedule(schedules: Pick<Schedules, 'every'>, intervalMs: number): void {
      schedules.every(AUDIT_CHECKPOINT_TASK, intervalMs, () => checkpoints.write('interval'));
    },
    /** Checkpoints the head as this instance starts (what it found) … */
    start: () => checkpoint('start'),
    /** … and as it stops (what it leaves), while the database is still open. */
    stop: () => checkpoint('shutdown'),
    registerRoutes: (app: FastifyInstance) => registerAuditRoutes(app, service),
  };
}
