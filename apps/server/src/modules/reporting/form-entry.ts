import type { EntryState } from '@suilian/contracts';
import { entryState } from './logic/periods/entry-state.js';
import type { DataSetRow, LockExceptionRow, RegistrationRow } from './reporting.repo.js';

/**
 * Whether one form (data set × period × district) may be edited today: its approval, the data
 * set's timing and the lock exceptions granted for it. Shared by the form and by imports, so a
 * file is held to exactly the rules of the form.
 */
export function formEntryState(
  dataSet: DataSetRow,
  period: string,
  orgId: string,
  registration: RegistrationRow | null,
  exceptions: readonly LockExceptionRow[],
  now: Date,
): EntryState {
  const locked = registration && (registration.state === 'approved' || registration.state === 'accepted');
  const since = registration?.acceptedAt ?? registration?.approvedAt;
  return entryState(
    {
      code: dataSet.code,
      periodType: dataSet.periodType,
      openFuturePeriods: dataSet.openFuturePeriods,
      expiryDays: dataSet.expiryDays,
      inputWindow: dataSet.inputWindow ?? null,
    },
    {
      period,
      orgUnit: orgId,
      approval: locked ? { level: registration.state as 'approved' | 'accepted', since: (since ?? now).toISOString().slice(0, 10) } : null,
    },
    now.toISOString().slice(0, 10),
    exceptions
      .filter((e) => e.dataSetCode === dataSet.code && e.period === period && e.orgId === orgId)
      .map((e) => ({ dataSet: e.dataSetCode, period: e.period, orgUnit: e.orgId, expiresOn: e.expiresAt.toISOString().slice(0, 10) })),
  );
}
