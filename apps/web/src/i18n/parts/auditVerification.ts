import type { Widen } from './widen';

/** Console messages of 审计日志 → 校验 (the keyed, anchored audit log, ADR 0013). zh-CN is the source of truth. */
export const zhCN = {
  brokenTitle: '审计日志校验发现 {{count}} 个问题（已校验 {{checked}} 条记录）',
  entry: '第 {{seq}} 条',
  entries: '第 {{seq}}–{{lastSeq}} 条',
  codes: {
    broken_link: '断链',
    gap: '缺号',
    truncated: '截断',
    rechained: '哈希重算',
    key_mismatch: '密钥不符',
    anchor_invalid: '检查点无效',
  },
  findings: {
    broken_link: '{{range}}记录写入后被改动，或与前一条记录的链接断开。',
    gap: '{{range}}记录缺失（序号不连续）：中间的记录被删除。',
    truncatedByAnchor: '{{range}}记录从日志末尾被删除：{{at}} 写在数据库外的检查点记录到了第 {{lastSeq}} 条。',
    truncatedByKey: '{{range}}记录从日志末尾被删除：审计密钥 {{keyId}} 启用时日志已有 {{lastSeq}} 条。',
    rechained: '{{range}}记录的哈希被重新计算（用审计密钥校验不通过）：历史记录被改写。',
    rechainedAnchor: '{{at}} 的检查点记录的第 {{seq}} 条哈希与日志中的不一致：历史记录被改写。',
    key_mismatch: '{{range}}记录由密钥 {{keyId}} 签名，但密钥文件未把该序号分配给此密钥，或缺少此密钥。',
    anchorInvalid: '{{at}} 的检查点签名无效：数据库外的检查点文件被改动或损坏。',
    anchorUnreadable: '检查点文件中有无法读取的行：文件被改动或损坏。',
  },
  serverMessage: '详情：{{message}}',
  keyedFrom: '自第 {{seq}} 条起由审计密钥签名（HMAC-SM3），此前的记录为无密钥的 SM3 链。',
  keyedAll: '全部记录由审计密钥签名（HMAC-SM3）。',
  keys: '密钥：{{keys}}',
  anchors: '数据库外的检查点 {{count}} 个，最新一个写于 {{at}}（第 {{seq}} 条）。',
  noAnchors: '尚无数据库外的检查点：末尾记录被删除时无法发现。',
  more: '仅显示前 {{shown}} 个问题。',
};

export const enUS: Widen<typeof zhCN> = {
  brokenTitle: 'The audit log check found {{count}} problem(s) ({{checked}} entries checked)',
  entry: 'Entry {{seq}}',
  entries: 'Entries {{seq}}–{{lastSeq}}',
  codes: {
    broken_link: 'Broken link',
    gap: 'Gap',
    truncated: 'Truncated',
    rechained: 'Re-chained',
    key_mismatch: 'Key mismatch',
    anchor_invalid: 'Invalid checkpoint',
  },
  findings: {
    broken_link: '{{range}}: altered after it was written, or not linked to the entry before it.',
    gap: '{{range}}: missing (the sequence jumps) — deleted from the middle of the log.',
    truncatedByAnchor:
      '{{range}}: removed from the end — the checkpoint written outside the database at {{at}} recorded entry {{lastSeq}}.',
    truncatedByKey: '{{range}}: removed from the end — the log already had {{lastSeq}} entries when audit key {{keyId}} was started.',
    rechained: '{{range}}: hashes recomputed (they do not verify with the audit key): history was rewritten.',
    rechainedAnchor: 'The checkpoint of {{at}} recorded a different hash for entry {{seq}}: history was rewritten.',
    key_mismatch: '{{range}}: signed with key {{keyId}}, which the key file does not assign to that seq or does not hold.',
    anchorInvalid: 'The checkpoint of {{at}} has an invalid signature: the checkpoint file outside the database was altered or damaged.',
    anchorUnreadable: 'A checkpoint file has an unreadable line: it was altered or damaged.',
  },
  serverMessage: 'Details: {{message}}',
  keyedFrom: 'Signed with the audit key (HMAC-SM3) from entry {{seq}} on; the entries before form a plain SM3 chain.',
  keyedAll: 'Every entry is signed with the audit key (HMAC-SM3).',
  keys: 'Keys: {{keys}}',
  anchors: '{{count}} checkpoint(s) outside the database, the latest written at {{at}} (entry {{seq}}).',
  noAnchors: 'No checkpoint outside the database yet: entries removed from the end would go unnoticed.',
  more: 'Only the first {{shown}} problems are shown.',
};
