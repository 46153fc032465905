import type { Dashboard, Workbench, WorkbenchCockpit, WorkbenchItem } from '@suilian/contracts';
import { INDICATOR_STATUSES, WORKBENCH_KINDS } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { DashboardService } from '../dashboard/index.js';
import { figuresReach, indicatorPolicy } from '../indicators/index.js';
import type { NotificationService } from '../notifications/index.js';

/** One module's to-dos for an actor, computed by that module's own queries and scope. */
export type TodoSource = (db: Db, actor: Actor, now: Date) => Promise<WorkbenchItem[]>;

export interface WorkbenchServiceDeps {
  db: Db;
  clock: Clock;
  /** The owning modules' to-do queries (projects, reporting, selections, security, progress reports). */
  sources: readonly TodoSource[];
  dashboard: Pick<DashboardService, 'dashboard'>;
  notifications: Pick<NotificationService, 'listMine'>;
}

/** How many of the caller's latest notifications the 工作台 shows. */
const RECENT_NOTIFICATIONS = 5;

/**
 * 工作台 (issue #12 item 1): one answer per person — their to-dos from every module that has
 * work for them (each module counts its own records within the actor's reach; this module reads
 * no other module's tables), their latest notifications and, for city and district users, the
 * cockpit's headline figures.
 */
export function createWorkbenchService(deps: WorkbenchServiceDeps) {
  return {
    async workbench(actor: Actor): Promise<Workbench> {
      const now = deps.clock.now();
      const [lists, notifications, cockpit] = await Promise.all([
        Promise.all(deps.sources.map((source) => source(deps.db, actor, now))),
        deps.notifications.listMine(actor, { page: 1, pageSize: RECENT_NOTIFICATIONS, unread: false }),
        cockpitOf(actor),
      ]);
      // The catalogue's order: the same kinds always appear in the same place.
      const items = lists.flat().sort((a, b) => WORKBENCH_KINDS.indexOf(a.kind) - WORKBENCH_KINDS.indexOf(b.kind));
      return { items, recentNotifications: notifications.items, cockpit };
    },
  };

  async function cockpitOf(actor: Actor): Promise<WorkbenchCockpit | null> {
    if (!indicatorPolicy.allows(actor, 'read') || figuresReach(actor).kind === 'none') return null;
    return summarise(await deps.dashboard.dashboard(actor, {}));
  }
}

/** The cockpit's headline figures: indicators by status, the project pipeline, the latest monthly report. */
function summarise(d: Dashboard): WorkbenchCockpit {
  const indicators = d.groups.flatMap((g) => g.indicators);
  return {
    scope: d.scope,
    districtId: d.districtId,
    asOf: d.asOf,
    indicators: {
      total: indicators.length,
      byStatus: INDICATOR_STATUSES.map((status) => ({ status, count: indicators.filter((i) => i.status === status).length })),
    },
    pipeline: d.pipeline,
    reports: d.reports ? { period: d.reports.period, completeness: d.reports.completeness, byState: d.reports.byState } : null,
  };
}

export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
