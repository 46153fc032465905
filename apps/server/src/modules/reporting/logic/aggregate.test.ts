import { describe, expect, it } from 'vitest';
import { aggregateValue, lastValueOn, sumOfLastValues, sumValuesBetween } from './aggregate.js';

const stock = [
  { period: '202609', value: 900 },
  { period: '202611', value: 1100 },
  { period: '202610', value: 1000 },
];

describe('lastValueOn (LAST)', () => {
  it('takes the latest period that has ended on or before the date', () => {
    expect(lastValueOn(stock, '2026-11-30')).toEqual({ period: '202611', value: 1100 });
    expect(lastValueOn(stock, '2026-11-29')).toEqual({ period: '202610', value: 1000 });
    expect(lastValueOn(stock, '2027-06-01')).toEqual({ period: '202611', value: 1100 });
    expect(lastValueOn(stock, '2026-09-29')).toBeNull();
    expect(lastValueOn([], '2026-11-30')).toBeNull();
  });

  it('skips a gap: a month not reported leaves the earlier figure standing', () => {
    expect(
      lastValueOn(
        [
          { period: '202608', value: 800 },
          { period: '202610', value: 1000 },
        ],
        '2026-09-30',
      ),
    ).toEqual({ period: '202608', value: 800 });
  });

  it('prefers the shortest of periods ending the same day', () => {
    const mixed = [
      { period: '2026', value: 1 },
      { period: '202612', value: 3 },
      { period: '2026Q4', value: 2 },
    ];
    expect(lastValueOn(mixed, '2026-12-31')).toEqual({ period: '202612', value: 3 });
  });

  it('refuses two values for one period', () => {
    expect(() => lastValueOn([...stock, { period: '202610', value: 5 }], '2026-12-31')).toThrow('two values for period 202610');
  });
});

describe('sumValuesBetween (SUM)', () => {
  const flows = [
    { period: '202508', value: 7 },
    { period: '202509', value: 2 },
    { period: '202510', value: 3 },
    { period: '202511', value: 4 },
  ];

  it('adds the periods whose last day falls within the dates', () => {
    expect(sumValuesBetween(flows, '2025-09-14', '2025-10-31')).toEqual({ value: 5, periods: ['202509', '202510'] });
    expect(sumValuesBetween(flows, '2025-09-14', '2025-11-29')).toEqual({ value: 5, periods: ['202509', '202510'] });
    expect(sumValuesBetween(flows, '2025-09-14', '2027-12-31')).toEqual({ value: 9, periods: ['202509', '202510', '202511'] });
  });

  it('gives null, not 0, when no period counts', () => {
    expect(sumValuesBetween(flows, '2026-01-01', '2026-12-31')).toEqual({ value: null, periods: [] });
  });
});

describe('aggregateValue', () => {
  it('uses LAST for stocks and SUM since the start for flows', () => {
    expect(aggregateValue('LAST', stock, '2026-10-31', '2025-09-14')).toBe(1000);
    expect(aggregateValue('SUM', stock, '2026-10-31', '2025-09-14')).toBe(1900);
    expect(aggregateValue('LAST', stock, '2026-01-01', '2025-09-14')).toBeNull();
  });
});

describe('sumOfLastValues (a T-INF-1-style city figure)', () => {
  const districts = new Map([
    [
      'tianhe',
      [
        { period: '202609', value: 5000 },
        { period: '202610', value: 5200 },
      ],
    ],
    ['yuexiu', [{ period: '202608', value: 3000 }]],
    ['nansha', [{ period: '202611', value: 900 }]],
    ['conghua', []],
  ]);

  it('adds each district’s latest figure on or before the date, each from its own latest period', () => {
    expect(sumOfLastValues(districts, '2026-10-31')).toEqual({
      value: 8200,
      parts: [
        { orgUnit: 'tianhe', period: '202610', value: 5200 },
        { orgUnit: 'yuexiu', period: '202608', value: 3000 },
      ],
      missing: ['nansha', 'conghua'],
    });
    expect(sumOfLastValues(districts, '2026-11-30').value).toBe(9100);
  });

  it('gives null when no district has reported by the date', () => {
    expect(sumOfLastValues(districts, '2026-07-31')).toEqual({
      value: null,
      parts: [],
      missing: ['tianhe', 'yuexiu', 'nansha', 'conghua'],
    });
  });
});
