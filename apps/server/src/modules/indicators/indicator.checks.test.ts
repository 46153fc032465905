import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { checkDefinition, checkFormula } from './indicator.checks.js';
import type { Catalogue } from './indicator.measure.js';
import type { ElementInfo, IndicatorRow } from './indicator.repo.js';

const element = (code: string, aggregation: 'LAST' | 'SUM'): [string, ElementInfo] => [
  code,
  { code, nameZh: code, nameEn: code, aggregation, unit: '个' },
];
const formulaRow = (code: string, formula: string) => ({ code, kind: 'formula', formula }) as IndicatorRow;
const catalogue = (rows: IndicatorRow[] = []): Catalogue => ({
  indicators: new Map([
    ['T-APP-2', { code: 'T-APP-2', kind: 'record_count', formula: null } as IndicatorRow],
    ...rows.map((r) => [r.code, r] as const),
  ]),
  elements: new Map([element('BS', 'LAST'), element('NEW', 'SUM')]),
});

const base = {
  nameZh: '指标',
  nameEn: 'Indicator',
  group: 'infrastructure' as const,
  unit: '个',
  comparator: 'at_least' as const,
  counter: null,
  dataElement: null,
  formula: null,
  target: 100,
  targetDate: '2027-12-31',
  baseline: 0,
  baselineDate: '2025-09-14',
  milestones: null,
  thresholds: { atRisk: 0.9, behind: 0.75 },
  definitionZh: '说明',
  definitionEn: '',
  sortOrder: 0,
  isPublic: false,
};

function issueOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return (error.details as { issues: Array<{ field: string; rule: string; message: string }> }).issues[0];
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkFormula', () => {
  it('lists what a valid formula uses', () => {
    const check = checkFormula('X-A', 'greatest(#{BS}, 1) / I{T-APP-2}', catalogue());
    expect(check).toMatchObject({ ok: true, problems: [], cycle: null, dataElements: ['BS'], indicators: ['T-APP-2'] });
  });

  it('gives the parser’s problem with its position', () => {
    const check = checkFormula('X-A', '#{BS} +', catalogue());
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatchObject({ kind: 'syntax' });
    expect(check.problems[0]?.position).toBe(7);
  });

  it('names unknown references, period offsets and category options', () => {
    const check = checkFormula('X-A', '#{NOPE} + I{X-GONE} + #{BS}.periodOffset(-1) + #{BS.x}', catalogue());
    expect(check.problems.map((p) => p.message)).toEqual([
      'at 0: unknown data element NOPE',
      'at 10: unknown indicator X-GONE',
      expect.stringContaining('at 22: #{BS}.periodOffset(-1): an indicator reads each element as of its own date'),
      'at 47: data element BS has no category option x',
    ]);
  });

  it('finds a cycle through stored formulas, told from the indicator being saved', () => {
    const rows = [formulaRow('X-B', 'I{X-C} + 1'), formulaRow('X-C', 'I{X-A} * 2')];
    expect(checkFormula('X-A', 'I{X-B}', catalogue(rows)).cycle).toEqual(['X-A', 'X-B', 'X-C', 'X-A']);
    expect(checkFormula('X-A', 'I{X-A} + 1', catalogue()).cycle).toEqual(['X-A', 'X-A']);
    expect(checkFormula('X-A', 'I{X-C}', catalogue([formulaRow('X-C', 'I{T-APP-2}')])).cycle).toBeNull();
  });
});

describe('checkDefinition', () => {
  it('stores reported sources as last:/sum: by the element’s aggregation', () => {
    expect(checkDefinition('X-A', { ...base, kind: 'cumulative', source: 'data_elements', dataElement: 'BS' }, catalogue())).toMatchObject({
      counter: 'last:BS',
      formula: null,
    });
    expect(
      checkDefinition('X-A', { ...base, kind: 'new_since_start', source: 'data_elements', dataElement: 'NEW' }, catalogue()),
    ).toMatchObject({
      counter: 'sum:NEW',
    });
  });

  it('refuses what does not fit, naming the field and rule', () => {
    expect(
      issueOf(() => checkDefinition('X-A', { ...base, kind: 'cumulative', source: 'data_elements', dataElement: 'NEW' }, catalogue())),
    ).toMatchObject({
      field: 'kind',
      rule: 'kind_aggregation',
    });
    expect(
      issueOf(() => checkDefinition('X-A', { ...base, kind: 'formula', source: 'indicators', formula: 'I{X-A}' }, catalogue())),
    ).toMatchObject({
      field: 'formula',
      rule: 'cycle',
      message: 'I{X-A} → I{X-A} is a cycle: an indicator cannot depend on itself',
    });
    expect(
      issueOf(() =>
        checkDefinition('X-A', { ...base, kind: 'record_count', source: 'records', counter: 'patents', target: 0 }, catalogue()),
      ),
    ).toMatchObject({
      field: 'target',
      rule: 'plan',
    });
    expect(
      issueOf(() =>
        checkDefinition(
          'X-A',
          { ...base, kind: 'record_count', source: 'records', counter: 'patents', thresholds: { atRisk: 0.5, behind: 0.6 } },
          catalogue(),
        ),
      ),
    ).toMatchObject({ field: 'thresholds', rule: 'plan' });
  });
});
