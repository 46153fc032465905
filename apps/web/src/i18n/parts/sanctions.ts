import type { SanctionState } from '@suilian/contracts';
import type { Widen } from './widen';

/** Console messages for the sanction register (取消资格, issue #16 item 2). zh-CN is the source of truth. */
export const zhCN = {
  sanctions: {
    title: '取消资格名单',
    create: '登记取消资格',
    createTitle: '登记取消资格',
    lift: '提前解除',
    liftTitle: '提前解除取消资格',
    liftHint: '解除后，{{name}} 可立即重新申报项目、参加遴选和申请资金。请写明解除的依据（如行政复议决定）。',
    lifted: '已解除 {{name}} 的取消资格',
    created: '已登记 {{name}} 的取消资格，并已通知该企业',
    search: '搜索主体名称、信用代码、责任人或决定文号',
    personLookup: '按身份证号查询责任人',
    personLookupHint: '身份证号只用于本次比对，不会保存或显示',
    empty: '暂无取消资格记录',
    emptyFiltered: '没有符合条件的记录',
    notice:
      '取消资格期内，该主体不能申报项目、参加遴选或申请专项资金。责任人身份证号仅以密钥摘要保存用于识别同一人，任何页面只显示脱敏号码。',
    period: '{{from}} 至 {{to}}',
    state: {
      active: '生效中',
      scheduled: '未开始',
      expired: '已到期',
      lifted: '已解除',
    } satisfies Record<SanctionState, string>,
    fields: {
      entityName: '主体名称',
      creditCode: '统一社会信用代码',
      personName: '责任人',
      personIdNumber: '责任人身份证号',
      personIdMasked: '责任人身份证号',
      reason: '事由',
      basis: '决定文号',
      period: '取消资格期限',
      startsOn: '开始日期',
      endsOn: '结束日期（含当日）',
      state: '状态',
      createdBy: '登记人',
      liftReason: '解除说明',
    },
    rules: {
      required: '请填写{{field}}',
      residentId: {
        length: '身份证号须为 18 位（GB 11643-1999）',
        charset: '身份证号为 17 位数字加 1 位校验码（数字或大写 X）',
        birth_date: '身份证号中的出生日期不存在',
        check_digit: '身份证号第 18 位校验码不正确（GB 11643-1999）',
      },
      personPair: '责任人姓名与身份证号须同时填写或同时不填',
      endAfterStart: '结束日期须晚于开始日期',
    },
    banner: '{{name}} 处于取消资格期内（{{basis}}，至 {{until}}），不得申报项目、参加遴选或申请资金。',
  },
};

export const enUS: Widen<typeof zhCN> = {
  sanctions: {
    title: 'Sanction register',
    create: 'Record a sanction',
    createTitle: 'Record a sanction',
    lift: 'Lift early',
    liftTitle: 'Lift the sanction early',
    liftHint:
      '{{name}} may declare projects, apply to selections and claim funds again at once. Say what the lifting rests on (e.g. an administrative review decision).',
    lifted: 'The sanction on {{name}} was lifted',
    created: 'The sanction on {{name}} was recorded and the enterprise notified',
    search: 'Search entity name, credit code, responsible person or decision number',
    personLookup: 'Look up a responsible person by ID number',
    personLookupHint: 'The ID number is only compared, never stored or shown',
    empty: 'No sanctions recorded',
    emptyFiltered: 'No sanctions match the filters',
    notice:
      'While sanctioned, the entity cannot declare projects, apply to selections or claim special funds. The responsible person’s ID number is kept only as a keyed digest to recognise the same person; pages show it masked.',
    period: '{{from}} to {{to}}',
    state: {
      active: 'In force',
      scheduled: 'Not started',
      expired: 'Expired',
      lifted: 'Lifted',
    },
    fields: {
      entityName: 'Entity',
      creditCode: 'Unified social credit code',
      personName: 'Responsible person',
      personIdNumber: 'Responsible person’s ID number',
      personIdMasked: 'Responsible person’s ID number',
      reason: 'Reason',
      basis: 'Decision number',
      period: 'Period',
      startsOn: 'Starts on',
      endsOn: 'Ends on (inclusive)',
      state: 'State',
      createdBy: 'Recorded by',
      liftReason: 'Lifting note',
    },
    rules: {
      required: 'Enter the {{field}}',
      residentId: {
        length: 'An ID number has 18 characters (GB 11643-1999)',
        charset: 'An ID number is 17 digits and a check character (a digit or capital X)',
        birth_date: 'The birth date in the ID number does not exist',
        check_digit: 'The 18th character (check character) of the ID number is wrong (GB 11643-1999)',
      },
      personPair: 'Give both the responsible person’s name and ID number, or neither',
      endAfterStart: 'The period ends after it starts',
    },
    banner: '{{name}} is sanctioned ({{basis}}, until {{until}}): no project declarations, selection applications or fund claims.',
  },
};
