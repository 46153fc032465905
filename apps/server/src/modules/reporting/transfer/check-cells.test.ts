import { describe, expect, it } from 'vitest';
import { type CellContext, checkCells, type FileCell } from './check-cells.js';

const context = (over: Partial<CellContext> = {}): CellContext => ({
  dataSet: 'DS',
  periodType: 'monthly',
  elements: new Map([
    ['N', { nameZh: '数量', valueType: 'integer' }],
    ['OK', { nameZh: '达标', valueType: 'boolean' }],
  ]),
  knownElements: new Set(['N', 'OK', 'OTHER']),
  districts: new Map([
    ['440112', { id: 'hp', name: '黄埔区', inScope: true }],
    ['440106', { id: 'th', name: '天河区', inScope: false }],
  ]),
  form: () => ({ entry: { open: true }, completed: false }),
  ...over,
});
const cell = (over: Partial<FileCell> = {}): FileCell => ({
  row: 2,
  element: 'N',
  period: '202601',
  orgUnit: '440112',
  value: '5',
  comment: '',
  ...over,
});

describe('checkCells', () => {
  it('turns good cells into writes; an empty value clears, 是/否 read as booleans', () => {
    expect(
      checkCells(
        [cell(), cell({ row: 3, element: 'OK', value: '是', comment: '注' }), cell({ row: 4, value: '', period: '202512' })],
        context(),
      ),
    ).toEqual({
      writes: [
        { element: 'N', period: '202601', orgId: 'hp', value: '5', comment: null },
        { element: 'OK', period: '202601', orgId: 'hp', value: 'true', comment: '注' },
        { element: 'N', period: '202512', orgId: 'hp', value: null, comment: null },
      ],
      rejected: [],
    });
  });

  it('collects every problem of a row, not just the first', () => {
    const { writes, rejected } = checkCells([cell({ element: 'OTHER', period: '2026Q1', orgUnit: '440106' })], context());
    expect(writes).toEqual([]);
    expect(rejected.map((r) => `${r.column}:${r.rule}`)).toEqual(['dataelement:wrong_data_set', 'period:period', 'orgunit:scope']);
  });

  it('names the lock reason of the form and refuses completed forms', () => {
    const locked = context({
      form: (p) =>
        p === '202512' ? { entry: { open: false, reason: 'expired' }, completed: false } : { entry: { open: true }, completed: true },
    });
    expect(checkCells([cell({ period: '202512' }), cell({ row: 3 })], locked).rejected).toMatchObject([
      {
        row: 2,
        column: 'period',
        element: 'N',
        rule: 'locked_expired',
        message: '黄埔区 202512: the entry deadline has passed',
        // the console words the code with the district and period (#12 item 3)
        reason: { code: 'transfer.locked_expired', params: { district: '黄埔区', period: '202512', element: '数量', value: '5' } },
      },
      {
        row: 3,
        column: 'period',
        element: 'N',
        rule: 'locked_completed',
        message: '黄埔区 202601: the form is completed; uncomplete it before changing values',
      },
    ]);
  });

  it('refuses a file for another period or district than the one chosen, and duplicates', () => {
    const chosen = context({ expect: { period: '202602', orgId: 'th' } });
    expect(checkCells([cell()], chosen).rejected.map((r) => r.rule)).toEqual(['wrong_period', 'wrong_district']);
    expect(checkCells([cell(), cell({ row: 9, value: '6' })], context()).rejected).toMatchObject([
      {
        row: 9,
        column: null,
        element: 'N',
        rule: 'duplicate',
        message: 'the same value appears on row 2 too',
        reason: { code: 'transfer.duplicate', params: { first: 2 } },
      },
    ]);
  });
});
