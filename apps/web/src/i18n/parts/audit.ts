import type { Widen } from './widen';

/** Console messages for the audit log. zh-CN is the source of truth. */
export const zhCN = {
  audit: {
    title: '审计日志',
    seq: '序号',
    occurredAt: '时间',
    actor: '操作人',
    action: '操作',
    entityType: '对象类型',
    entityId: '对象编号',
    range: '时间范围',
    clientIp: '来源IP',
    requestId: '请求编号',
    before: '变更前',
    after: '变更后',
    hash: '哈希',
    verify: '校验哈希链',
    verifyOk: '哈希链完整：已校验 {{checked}} 条记录。',
    empty: '没有符合条件的审计记录，请调整筛选条件。',
  },
};

export const enUS: Widen<typeof zhCN> = {
  audit: {
    title: 'Audit log',
    seq: 'Seq.',
    occurredAt: 'Time',
    actor: 'Actor',
    action: 'Action',
    entityType: 'Entity type',
    entityId: 'Entity ID',
    range: 'Time range',
    clientIp: 'Client IP',
    requestId: 'Request ID',
    before: 'Before',
    after: 'After',
    hash: 'Hash',
    verify: 'Verify hash chain',
    verifyOk: 'The hash chain is intact: {{checked}} entries checked.',
    empty: 'No audit entries match these filters. Change the filters.',
  },
};
