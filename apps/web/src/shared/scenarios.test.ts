import { describe, expect, it } from 'vitest';
import { rowsFromSelection, type ScenarioRow } from './scenarios';

describe('scenario picker', () => {
  const codes = new Set(['S01', 'S06']);
  it('turns known codes into code rows and typed text into custom scenarios', () => {
    expect(rowsFromSelection(['S06', ' 数字孪生巡检 '], [], codes)).toEqual([
      { code: 'S06', customName: null, category: 'auxiliary' },
      { code: null, customName: '数字孪生巡检', category: 'auxiliary' },
    ]);
  });
  it('keeps the category and go-live date of rows that stay, drops duplicates and blanks', () => {
    const previous: ScenarioRow[] = [{ code: 'S01', customName: null, category: 'main_production', goLiveDate: '2026-01-02' }];
    expect(rowsFromSelection(['S01', 'S01', ''], previous, codes)).toEqual(previous);
  });
});
