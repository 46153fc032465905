import { describe, expect, it } from 'vitest';
import { checkRuleSides } from './rule-sides.js';

const context = {
  dataSet: 'DISTRICT_MONTHLY',
  setElements: new Set(['BS', 'MACRO', 'NOTE']),
  valueTypes: new Map([
    ['BS', 'integer'],
    ['MACRO', 'integer'],
    ['NOTE', 'text'],
    ['ELSEWHERE', 'integer'],
  ]),
};

describe('checkRuleSides', () => {
  it('accepts arithmetic over the data set’s numeric elements, looking back up to 12 periods', () => {
    expect(checkRuleSides({ left: '#{BS}', right: '#{MACRO} + #{BS}.periodOffset(-12)' }, context)).toEqual([]);
  });

  it('gives the parser’s message, naming the side', () => {
    expect(checkRuleSides({ left: '#{BS} +', right: '#{BS}' }, context)).toEqual([
      {
        field: 'left',
        rule: 'syntax',
        message: 'at 7: expected a value but found end of input',
        reason: { code: 'formula.unexpected_end', params: { position: 8 } },
      },
    ]);
    expect(checkRuleSides({ left: '#{BS}', right: '#{BS} > 1' }, context)[0]).toMatchObject({ field: 'right', rule: 'type' });
  });

  it('refuses unknown elements, elements of another data set, text elements and indicators', () => {
    expect(checkRuleSides({ left: '#{NOPE}', right: '#{ELSEWHERE} + #{NOTE} + I{T-INF-1}' }, context)).toMatchObject([
      { field: 'left', rule: 'unknown_reference', message: 'at 0: unknown data element NOPE' },
      {
        field: 'right',
        rule: 'not_in_data_set',
        message: 'at 0: data element ELSEWHERE is not in data set DISTRICT_MONTHLY; add it to the data set first',
      },
      { field: 'right', rule: 'value_type', message: 'at 15: data element NOTE holds text values, which cannot be compared as numbers' },
      {
        field: 'right',
        rule: 'indicator',
        message: 'at 25: validation rules compare reported data elements, not indicators (I{T-INF-1})',
      },
    ]);
    expect(checkRuleSides({ left: '#{NOTE}', right: '1' }, context)[0]?.reason).toEqual({
      code: 'formula.value_type',
      params: { position: 1, code: 'NOTE', type: 'text' },
    });
  });

  it('refuses category options and offsets the form validation cannot read', () => {
    expect(checkRuleSides({ left: '#{BS.X}', right: '#{BS}.periodOffset(-13)' }, context).map((i) => `${i.field}:${i.rule}`)).toEqual([
      'left:unknown_reference',
      'right:period_offset',
    ]);
  });
});
