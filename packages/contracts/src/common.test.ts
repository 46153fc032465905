import { describe, expect, it } from 'vitest';
import { DATE_RANGE, IsoDateSchema, IsoDateTimeSchema } from './common.js';

describe('input dates', () => {
  it('accept real dates from 1900 to 2199', () => {
    for (const date of [DATE_RANGE.min, '2026-02-28', '2028-02-29', DATE_RANGE.max])
      expect(IsoDateSchema.safeParse(date).success, date).toBe(true);
  });

  it('refuse dates outside the range with the date_range rule, and non-dates as before', () => {
    for (const date of ['0001-01-01', '0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31']) {
      const issue = IsoDateSchema.safeParse(date).error?.issues[0];
      expect(issue, date).toMatchObject({ code: 'custom', params: { rule: 'date_range' } });
    }
    expect(IsoDateSchema.safeParse('2026-02-30').error?.issues[0]?.code).toBe('invalid_format');
  });

  it('bound timestamps by their date part', () => {
    expect(IsoDateTimeSchema.safeParse('2026-06-30T08:00:00+08:00').success).toBe(true);
    expect(IsoDateTimeSchema.safeParse('0001-01-01T00:00:00Z').error?.issues[0]).toMatchObject({ params: { rule: 'date_range' } });
    expect(IsoDateTimeSchema.safeParse('9999-12-31T23:59:59-14:00').success).toBe(false);
  });
});
