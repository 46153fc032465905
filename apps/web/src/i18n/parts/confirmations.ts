import type { Widen } from './widen';

/** Confirmation of records enterprises declare (issue #12 item 5). zh-CN is the source of truth. */
export const zhCN = {
  states: { declared: '待区级确认', confirmed: '已确认', returned: '已退回' },
  column: '确认状态',
  pendingTitle: '待确认（暂不计入）',
  pendingHint: '另有 {{count}} 条企业申报记录待区级确认，确认后计入指标。',
};

export const enUS: Widen<typeof zhCN> = {
  states: { declared: 'Awaiting district confirmation', confirmed: 'Confirmed', returned: 'Returned' },
  column: 'Confirmation',
  pendingTitle: 'Awaiting confirmation (not counted yet)',
  pendingHint: '{{count}} more record(s) declared by enterprises await their district’s confirmation; they count once confirmed.',
};
