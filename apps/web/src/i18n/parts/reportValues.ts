import type { Widen } from './widen';

/** The monthly form's value rules and save outcome (issue #12 item 4). zh-CN is the source of truth. */
export const zhCN = {
  rules: {
    integer: '请输入不小于 {{min}} 的整数',
    number: '请输入数字（最多 {{decimals}} 位小数）',
    percentage: '请输入 {{min}} 到 {{max}} 之间的百分比（最多 {{decimals}} 位小数）',
    boolean: '请填写 true（是）或 false（否）',
    text: '请输入文字',
    in_data_set: '该数据项不在本报表中',
    invalid: '数值不符合该数据项的规则',
  },
  outcome: {
    refused: '未保存：{{count}} 项数值不符合规则，请修改标红的单元格后再保存。',
    refusedSubmit: '未提交：{{count}} 项数值不符合规则，请修改标红的单元格后再提交。',
    saved: '已保存（尚未提交）。确认无误后请点击“提交”。',
    submitted: '已提交，等待区级审批。',
    unsaved: '有 {{count}} 项修改尚未保存。',
  },
};

export const enUS: Widen<typeof zhCN> = {
  rules: {
    integer: 'Enter a whole number of {{min}} or more',
    number: 'Enter a number (at most {{decimals}} decimals)',
    percentage: 'Enter a percentage from {{min}} to {{max}} (at most {{decimals}} decimals)',
    boolean: 'Enter true or false',
    text: 'Enter some text',
    in_data_set: 'This data element is not on this form',
    invalid: 'The value breaks this data element’s rule',
  },
  outcome: {
    refused: 'Not saved: {{count}} value(s) break their rule; correct the cells marked in red and save again.',
    refusedSubmit: 'Not submitted: {{count}} value(s) break their rule; correct the cells marked in red and submit again.',
    saved: 'Saved (not submitted yet). Submit when the figures are complete.',
    submitted: 'Submitted; waiting for the district’s approval.',
    unsaved: '{{count}} change(s) not saved yet.',
  },
};
