import type { ApprovalLevel, DataSetTiming, EntryState, LockException } from '@suilian/contracts';
import { addDays } from './calendar.js';
import { comparePeriods, periodContaining, periodEnd, periodStart, shiftPeriod } from './period-dates.js';
import { parsePeriod } from './period-id.js';

/** One organisation's form for one period, with its approval if any. */
export interface EntryForm {
  period: string;
  orgUnit: string;
  approval?: { level: ApprovalLevel; since: string } | null;
}

/**
 * Whether a form may be edited today, and if not why, so the console can say it in the user's
 * language. Checks run in the order a user would want to hear them: approval beats timing, and of
 * two waits the later opening date wins. Lock exceptions reopen only an expired period.
 *
 * - future: beyond the open future periods. 0 opens only periods that have ended (DHIS2's default),
 *   1 also the period in progress, n the n − 1 periods after it.
 * - not_started / expired by the input window: open from period end + openAfterDays through period
 *   end + closeAfterDays.
 * - expired by expiryDays: open through period end + expiryDays; 0 never expires (as in DHIS2).
 */
export function entryState(dataSet: DataSetTiming, form: EntryForm, today: string, exceptions: readonly LockException[]): EntryState {
  parsePeriod(form.period, dataSet.periodType);
  if (form.approval) return { open: false, reason: form.approval.level, since: form.approval.since };

  const waits: Array<{ reason: 'future' | 'not_started'; until: string }> = [];
  const futureOpensOn = futurePeriodOpensOn(dataSet, form.period, today);
  if (futureOpensOn) waits.push({ reason: 'future', until: futureOpensOn });
  const end = periodEnd(form.period);
  const windowOpensOn = dataSet.inputWindow ? addDays(end, dataSet.inputWindow.openAfterDays) : undefined;
  if (windowOpensOn && today < windowOpensOn) waits.push({ reason: 'not_started', until: windowOpensOn });
  const wait = waits.reduce<(typeof waits)[number] | undefined>((later, w) => (later && later.until >= w.until ? later : w), undefined);
  if (wait) return { open: false, reason: wait.reason, until: wait.until };

  const deadline = lastEntryDay(dataSet, end);
  if (deadline === undefined) return { open: true };
  if (today <= deadline) return { open: true, deadline };
  const grantedUntil = exceptions
    .filter((e) => e.dataSet === dataSet.code && e.period === form.period && e.orgUnit === form.orgUnit && today <= e.expiresOn)
    .map((e) => e.expiresOn)
    .sort()
    .at(-1);
  if (grantedUntil) return { open: true, deadline: grantedUntil, byException: true };
  return { open: false, reason: 'expired', since: addDays(deadline, 1) };
}

/** The first day a period beyond the open future periods opens, or undefined when it is open already. */
function futurePeriodOpensOn(dataSet: DataSetTiming, period: string, today: string): string | undefined {
  const latestOpen = shiftPeriod(periodContaining(dataSet.periodType, today), dataSet.openFuturePeriods - 1);
  if (comparePeriods(period, latestOpen) <= 0) return undefined;
  return periodStart(shiftPeriod(period, 1 - dataSet.openFuturePeriods));
}

/** The last day entry is allowed (the earlier of window close and expiry), or undefined when it never closes. */
function lastEntryDay(dataSet: DataSetTiming, end: string): string | undefined {
  const closes: string[] = [];
  if (dataSet.inputWindow) closes.push(addDays(end, dataSet.inputWindow.closeAfterDays));
  if (dataSet.expiryDays > 0) closes.push(addDays(end, dataSet.expiryDays));
  return closes.sort()[0]; // YYYY-MM-DD sorts in date order
}
