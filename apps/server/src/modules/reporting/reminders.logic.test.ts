import type { DataSetTiming } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { remindersDue } from './reminders.logic.js';

const monthly: DataSetTiming = { code: 'DISTRICT_MONTHLY', periodType: 'monthly', openFuturePeriods: 0, expiryDays: 15 };
const policy = { daysBefore: 3, overdueLookbackDays: 40 };
const none = () => false;
const dueOnly = (...args: Parameters<typeof remindersDue>) => remindersDue(...args).filter((r) => r.kind === 'due');

// Issue #4 item 4: due and overdue reports raise reminders.
describe('remindersDue', () => {
  it('reminds from daysBefore days before the deadline through the deadline', () => {
    // 202608 closes on 2026-09-15 (31 August + 15 days).
    expect(dueOnly(monthly, ['hp'], none, '2026-09-11', policy)).toEqual([]);
    expect(dueOnly(monthly, ['hp'], none, '2026-09-12', policy)).toEqual([
      { period: '202608', orgId: 'hp', kind: 'due', deadline: '2026-09-15' },
    ]);
    expect(dueOnly(monthly, ['hp'], none, '2026-09-15', policy)).toEqual([
      { period: '202608', orgId: 'hp', kind: 'due', deadline: '2026-09-15' },
    ]);
  });

  it('calls a form overdue the day after its deadline, and stops chasing after the look-back', () => {
    const overdue = remindersDue(monthly, ['hp'], none, '2026-09-16', policy);
    expect(overdue).toContainEqual({ period: '202608', orgId: 'hp', kind: 'overdue', deadline: '2026-09-15' });
    expect(overdue).toContainEqual({ period: '202607', orgId: 'hp', kind: 'overdue', deadline: '2026-08-15' });
    expect(overdue.map((r) => r.period)).not.toContain('202606'); // deadline 2026-07-15: 63 days ago
  });

  it('skips districts that completed the form', () => {
    const done = (period: string, org: string) => period === '202608' && org === 'hp';
    expect(dueOnly(monthly, ['hp', 'th'], done, '2026-09-13', policy)).toEqual([
      { period: '202608', orgId: 'th', kind: 'due', deadline: '2026-09-15' },
    ]);
  });

  it('uses the input window when it closes first, and never reminds without a deadline', () => {
    const windowed = { ...monthly, inputWindow: { openAfterDays: 1, closeAfterDays: 5 } };
    expect(dueOnly(windowed, ['hp'], none, '2026-09-03', policy)).toEqual([
      { period: '202608', orgId: 'hp', kind: 'due', deadline: '2026-09-05' },
    ]);
    expect(remindersDue({ ...monthly, expiryDays: 0 }, ['hp'], none, '2026-09-20', policy)).toEqual([]);
    // …and the overdue reminder for a completed form never comes.
    expect(remindersDue(monthly, ['hp'], () => true, '2026-09-20', policy)).toEqual([]);
  });

  it('works for quarters', () => {
    const quarterly: DataSetTiming = { code: 'Q', periodType: 'quarterly', openFuturePeriods: 0, expiryDays: 30 };
    expect(remindersDue(quarterly, ['hp'], none, '2026-10-28', policy)).toEqual([
      { period: '2026Q3', orgId: 'hp', kind: 'due', deadline: '2026-10-30' },
    ]);
  });
});
