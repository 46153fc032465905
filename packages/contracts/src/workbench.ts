import { z } from 'zod';
import { DashboardPipelineSchema } from './dashboard.js';
import { INDICATOR_STATUSES } from './indicators.js';
import { NotificationSchema } from './notifications.js';
import { REGISTRATION_STATES } from './reporting.js';

/**
 * The kinds of to-do the 工作台 lists (issue #12 item 1), each computed by the module that owns
 * the records. Codes for the machine; the console words each one.
 * (Alarms belong to the network system, which does not exist yet: no kind for them.)
 */
export const WORKBENCH_KINDS = [
  /** District / city: records enterprises declared (factories, honours, registry records) waiting for confirmation. */
  'record.confirm',
  /** Enterprise: its projects still in draft. */
  'project.draft',
  /** Enterprise: its projects returned for changes. */
  'project.returned',
  /** District: submitted projects waiting for the district's pre-review. */
  'project.pre_review',
  /** City: projects waiting for the city's review. */
  'project.city_review',
  /** City: built projects waiting for acceptance (验收). */
  'project.acceptance',
  /** District: reporting forms whose entry closes soon and that are not submitted. */
  'report.due',
  /** District: reporting forms past their deadline and not submitted. */
  'report.overdue',
  /** District: submitted forms waiting for the district's approval. */
  'report.approve',
  /** City: approved forms waiting for the city's acceptance. */
  'report.accept',
  /** Expert: assigned applications not scored yet. */
  'selection.score',
  /** District: applications waiting for the district's recommendation. */
  'selection.recommend',
  /** Enterprise: findings of its assets that need its action. */
  'finding.open',
  /** Findings in reach past their SLA. */
  'finding.overdue',
  /** Fixed findings waiting for re-verification. */
  'finding.verify',
  /** Enterprise: early-warning notices not acknowledged yet. */
  'notice.acknowledge',
  /** Progress reports whose generation failed (regenerate them). */
  'progress_report.failed',
  /** District: private networks operators registered, waiting for the district's confirmation (issue #14). */
  'network.confirm',
  /** District: SLA acceptance results of its private networks waiting for sign-off (issue #14 item 3). */
  'sla.sign_off',
  /** Enterprise: special-fund applications returned for changes (issue #16). */
  'fund.returned',
  /** District: special-fund applications waiting for the district's review. */
  'fund.district_review',
  /** City: special-fund applications waiting for the city's review. */
  'fund.city_review',
  /** City: applications whose 公示 has ended, waiting for the award decision. */
  'fund.decide',
  /** City: awarded applications not paid in full. */
  'fund.disburse',
  /** Bank: financing requests routed to the bank and not answered yet (issue #15 item 5). */
  'financing.answer',
  /** Enterprise: submitted financing requests with banks' offers waiting for its choice. */
  'financing.offers',
  /** Bank: accepted offers of the bank whose loan is not recorded as granted yet. */
  'financing.close',
] as const;
export type WorkbenchKind = (typeof WORKBENCH_KINDS)[number];

/** One kind of to-do: how many, how long the oldest has waited, and the console page that lists them. */
export const WorkbenchItemSchema = z.object({
  kind: z.enum(WORKBENCH_KINDS),
  count: z.number().int().min(1),
  /** Whole days the oldest of them has been waiting (0 = today). */
  oldestWaitingDays: z.number().int().min(0),
  /** Console path with filters, e.g. `/programme/projects?status=returned`. */
  link: z.string(),
});
export type WorkbenchItem = z.infer<typeof WorkbenchItemSchema>;

/** A small subset of the 驾驶舱 for city and district users. */
export const WorkbenchCockpitSchema = z.object({
  scope: z.enum(['city', 'district']),
  districtId: z.uuid().nullable(),
  asOf: z.string(),
  /** The indicators by status. */
  indicators: z.object({
    total: z.number().int(),
    byStatus: z.array(z.object({ status: z.enum(INDICATOR_STATUSES), count: z.number().int() })),
  }),
  pipeline: DashboardPipelineSchema,
  /** The district monthly report's latest period; null before any report exists. */
  reports: z
    .object({
      period: z.string(),
      completeness: z.number(),
      byState: z.array(z.object({ state: z.enum(REGISTRATION_STATES), count: z.number().int() })),
    })
    .nullable(),
});
export type WorkbenchCockpit = z.infer<typeof WorkbenchCockpitSchema>;

/** `GET /api/workbench`: the caller's to-dos (an empty list is a valid answer), latest notifications and, for city and district users, the cockpit summary. */
export const WorkbenchSchema = z.object({
  items: z.array(WorkbenchItemSchema),
  recentNotifications: z.array(NotificationSchema),
  cockpit: WorkbenchCockpitSchema.nullable(),
});
export type Workbench = z.infer<typeof WorkbenchSchema>;

const DAY_MS = 86_400_000;

/** Whole days from `since` to `now` (never negative). */
export function waitingDays(since: Date | string, now: Date): number {
  const start = typeof since === 'string' ? Date.parse(since) : since.getTime();
  if (Number.isNaN(start)) return 0;
  return Math.max(0, Math.floor((now.getTime() - start) / DAY_MS));
}

/** What a module's query counts for one kind: how many records wait, and since when the oldest has. */
export interface TodoTally {
  count: number;
  oldest: Date | string | null;
}

/** One to-do item from a tally; null when nothing waits. */
export function todoItem(kind: WorkbenchKind, tally: TodoTally, now: Date, link: string): WorkbenchItem | null {
  if (tally.count <= 0) return null;
  return { kind, count: tally.count, oldestWaitingDays: tally.oldest ? waitingDays(tally.oldest, now) : 0, link };
}
