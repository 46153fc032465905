import type { DataSetTiming, LockException } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { entryState } from './entry-state.js';

const monthly: DataSetTiming = { code: 'DISTRICT_MONTHLY', periodType: 'monthly', openFuturePeriods: 0, expiryDays: 10 };
const form = (period: string, orgUnit = 'tianhe') => ({ period, orgUnit });
const state = (dataSet: DataSetTiming, period: string, today: string, exceptions: LockException[] = []) =>
  entryState(dataSet, form(period), today, exceptions);

describe('entryState: open future periods and expiry days', () => {
  it('opens a month once it has ended and keeps it open through end + expiryDays', () => {
    expect(state(monthly, '202610', '2026-11-01')).toEqual({ open: true, deadline: '2026-11-10' });
    expect(state(monthly, '202610', '2026-11-10')).toEqual({ open: true, deadline: '2026-11-10' });
    expect(state(monthly, '202610', '2026-11-11')).toEqual({ open: false, reason: 'expired', since: '2026-11-11' });
    expect(state(monthly, '202602', '2026-03-10')).toEqual({ open: true, deadline: '2026-03-10' });
  });

  it('with no open future periods, keeps the month in progress and later ones locked until they end', () => {
    expect(state(monthly, '202611', '2026-11-15')).toEqual({ open: false, reason: 'future', until: '2026-12-01' });
    expect(state(monthly, '202611', '2026-11-30')).toEqual({ open: false, reason: 'future', until: '2026-12-01' });
    expect(state(monthly, '202612', '2026-11-15')).toEqual({ open: false, reason: 'future', until: '2027-01-01' });
  });

  it('with n open future periods, opens the month in progress and the n − 1 after it', () => {
    const one = { ...monthly, openFuturePeriods: 1 };
    expect(state(one, '202611', '2026-11-15')).toEqual({ open: true, deadline: '2026-12-10' });
    expect(state(one, '202612', '2026-11-15')).toEqual({ open: false, reason: 'future', until: '2026-12-01' });
    const three = { ...monthly, openFuturePeriods: 3 };
    expect(state(three, '202701', '2026-11-15')).toEqual({ open: true, deadline: '2027-02-10' });
    expect(state(three, '202702', '2026-11-15')).toEqual({ open: false, reason: 'future', until: '2026-12-01' });
  });

  it('never expires when expiryDays is 0, as in DHIS2', () => {
    expect(state({ ...monthly, expiryDays: 0 }, '202401', '2026-11-15')).toEqual({ open: true });
  });

  it('works the same way for quarters', () => {
    const quarterly: DataSetTiming = { code: 'Q', periodType: 'quarterly', openFuturePeriods: 0, expiryDays: 30 };
    expect(state(quarterly, '2026Q3', '2026-10-15')).toEqual({ open: true, deadline: '2026-10-30' });
    expect(state(quarterly, '2026Q3', '2026-10-31')).toEqual({ open: false, reason: 'expired', since: '2026-10-31' });
    expect(state(quarterly, '2026Q4', '2026-10-15')).toEqual({ open: false, reason: 'future', until: '2027-01-01' });
  });

  it('refuses a period of the wrong type for the data set', () => {
    expect(() => state(monthly, '2026Q4', '2026-11-15')).toThrow('period 2026Q4 is quarterly, but this data set is monthly');
  });
});

describe('entryState: input window', () => {
  const windowed: DataSetTiming = { ...monthly, expiryDays: 0, inputWindow: { openAfterDays: 5, closeAfterDays: 15 } };

  it('is not started before end + openAfterDays and expired after end + closeAfterDays', () => {
    expect(state(windowed, '202610', '2026-11-04')).toEqual({ open: false, reason: 'not_started', until: '2026-11-05' });
    expect(state(windowed, '202610', '2026-11-05')).toEqual({ open: true, deadline: '2026-11-15' });
    expect(state(windowed, '202610', '2026-11-15')).toEqual({ open: true, deadline: '2026-11-15' });
    expect(state(windowed, '202610', '2026-11-16')).toEqual({ open: false, reason: 'expired', since: '2026-11-16' });
  });

  it('names the wait that ends later when the period is also in the future', () => {
    expect(state(windowed, '202610', '2026-10-20')).toEqual({ open: false, reason: 'not_started', until: '2026-11-05' });
    const fromDayAfter = { ...windowed, inputWindow: { openAfterDays: 1, closeAfterDays: 10 } };
    expect(state(fromDayAfter, '202610', '2026-10-20')).toEqual({ open: false, reason: 'future', until: '2026-11-01' });
  });

  it('can open before the period ends when future periods allow it', () => {
    const early: DataSetTiming = {
      ...monthly,
      openFuturePeriods: 1,
      expiryDays: 0,
      inputWindow: { openAfterDays: -4, closeAfterDays: 10 },
    };
    expect(state(early, '202611', '2026-11-25')).toEqual({ open: false, reason: 'not_started', until: '2026-11-26' });
    expect(state(early, '202611', '2026-11-26')).toEqual({ open: true, deadline: '2026-12-10' });
  });

  it('closes on the earlier of the window and the expiry', () => {
    expect(state({ ...windowed, expiryDays: 10 }, '202610', '2026-11-11')).toEqual({ open: false, reason: 'expired', since: '2026-11-11' });
    expect(state({ ...windowed, expiryDays: 20 }, '202610', '2026-11-16')).toEqual({ open: false, reason: 'expired', since: '2026-11-16' });
  });
});

describe('entryState: approval and lock exceptions', () => {
  const grant: LockException = { dataSet: 'DISTRICT_MONTHLY', period: '202609', orgUnit: 'tianhe', expiresOn: '2026-11-20' };

  it('locks approved and accepted forms whatever the dates say', () => {
    const approved = { ...form('202610'), approval: { level: 'approved' as const, since: '2026-11-08' } };
    expect(entryState(monthly, approved, '2026-11-09', [])).toEqual({ open: false, reason: 'approved', since: '2026-11-08' });
    const accepted = { ...form('202609'), approval: { level: 'accepted' as const, since: '2026-10-12' } };
    expect(entryState(monthly, accepted, '2026-11-15', [grant])).toEqual({ open: false, reason: 'accepted', since: '2026-10-12' });
    expect(entryState(monthly, { ...form('202610'), approval: null }, '2026-11-09', [])).toEqual({ open: true, deadline: '2026-11-10' });
  });

  it('reopens an expired period for the org unit through the exception’s expiry, inclusive', () => {
    expect(state(monthly, '202609', '2026-11-15', [grant])).toEqual({ open: true, deadline: '2026-11-20', byException: true });
    expect(state(monthly, '202609', '2026-11-20', [grant])).toEqual({ open: true, deadline: '2026-11-20', byException: true });
    expect(state(monthly, '202609', '2026-11-21', [grant])).toEqual({ open: false, reason: 'expired', since: '2026-10-11' });
  });

  it('takes the latest of several exceptions for the same form', () => {
    const later = { ...grant, expiresOn: '2026-11-30' };
    expect(state(monthly, '202609', '2026-11-15', [later, grant])).toEqual({ open: true, deadline: '2026-11-30', byException: true });
    expect(state(monthly, '202609', '2026-11-15', [grant, later])).toEqual({ open: true, deadline: '2026-11-30', byException: true });
  });

  it('ignores exceptions for another org unit, period or data set', () => {
    const expired = { open: false, reason: 'expired', since: '2026-10-11' };
    expect(entryState(monthly, form('202609', 'yuexiu'), '2026-11-15', [grant])).toEqual(expired);
    expect(state(monthly, '202609', '2026-11-15', [{ ...grant, period: '202608' }])).toEqual(expired);
    expect(state(monthly, '202609', '2026-11-15', [{ ...grant, dataSet: 'OTHER' }])).toEqual(expired);
  });

  it('does not reopen a future period', () => {
    expect(state(monthly, '202611', '2026-11-15', [{ ...grant, period: '202611' }])).toEqual({
      open: false,
      reason: 'future',
      until: '2026-12-01',
    });
  });
});
