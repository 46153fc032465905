import type { DataSetTiming } from '@suilian/contracts';
import { addDays, dayNumber, entryState, periodsBetween } from './logic/index.js';

export type ReminderKind = 'due' | 'overdue';

export interface ReminderDue {
  period: string;
  orgId: string;
  kind: ReminderKind;
  /** The last day entry is allowed. */
  deadline: string;
}

export interface ReminderPolicy {
  /** Remind this many days (or fewer) before the entry window closes. */
  daysBefore: number;
  /** Periods whose deadline passed longer ago than this are not chased any more (old history stays quiet). */
  overdueLookbackDays: number;
}

/**
 * Which reminders are due today for one data set: `due` when a district has not completed a form
 * whose entry closes within `daysBefore` days, `overdue` when the deadline has passed and it still
 * has not. Deadlines come from the same entry rules the form uses (window close / expiry days);
 * a data set without a deadline never reminds. Sending each once is the caller's job.
 */
export function remindersDue(
  dataSet: DataSetTiming,
  districtIds: readonly string[],
  isCompleted: (period: string, orgId: string) => boolean,
  today: string,
  policy: ReminderPolicy,
): ReminderDue[] {
  const out: ReminderDue[] = [];
  for (const period of periodsBetween(dataSet.periodType, addDays(today, -policy.overdueLookbackDays - 366), today)) {
    const state = entryState(dataSet, { period, orgUnit: '' }, today, []);
    let kind: ReminderKind | null = null;
    let deadline: string | undefined;
    if (state.open && state.deadline && dayNumber(state.deadline) - dayNumber(today) <= policy.daysBefore) {
      kind = 'due';
      deadline = state.deadline;
    } else if (!state.open && state.reason === 'expired' && state.since) {
      deadline = addDays(state.since, -1);
      if (dayNumber(today) - dayNumber(deadline) <= policy.overdueLookbackDays) kind = 'overdue';
    }
    if (!kind || !deadline) continue;
    for (const orgId of districtIds) {
      if (!isCompleted(period, orgId)) out.push({ period, orgId, kind, deadline });
    }
  }
  return out;
}
