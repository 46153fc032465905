import type { Widen } from './widen';
/**
 * Console messages for one feature area, kept apart so that work on different areas does not touch
 * the same file. zh-CN is the source of truth; en-US must have the same shape (checked by the type).
 */
export const zhCN = {
  /** Handle.Net response codes in words (Handle.Net manual §14). */
  codes: {
    c1: '解析成功',
    c2: '解析服务出错',
    c100: '标识不存在',
    c101: '标识已存在',
    c102: '标识格式不正确',
    c200: '标识存在，但没有符合条件的值',
    c402: '需要身份认证',
  },
  value: {
    index: '索引',
    type: '类型',
    data: '数据',
    format: '格式',
    ttl: 'TTL',
    timestamp: '时间戳',
    permissions: '权限',
  },
  resolve: {
    title: '工业互联网标识解析',
    intro: '输入标识（如 88.118.8/JXDY2106023）或扫描产品上的二维码，查看标识记录的公开信息。',
    placeholder: '输入要解析的标识，前缀与后缀以 / 分隔',
    submit: '解析',
    hint: '无需登录。标识由前缀和后缀组成，仅第一个 / 分隔前缀与后缀。',
    login: '登录控制台',
    prefix: '标识前缀',
    suffix: '标识后缀',
    valueCount: '值数量',
    lastChange: '最近更新',
    values: '标识值',
    follow: '访问链接',
    redirectLink: '经解析服务跳转（?redirect）',
    publicOnly: '仅显示公开可读的值；非公开的值不会返回给匿名访问者。',
    codeLine: '响应码 {{code}}：{{handle}}',
    downloadQr: '下载二维码',
    publicLink: '公开解析页',
  },
};

export const enUS: Widen<typeof zhCN> = {
  codes: {
    c1: 'Resolved',
    c2: 'The resolution service failed',
    c100: 'Handle not found',
    c101: 'Handle already exists',
    c102: 'Invalid handle',
    c200: 'The handle exists but has no matching values',
    c402: 'Authentication needed',
  },
  value: {
    index: 'Index',
    type: 'Type',
    data: 'Data',
    format: 'Format',
    ttl: 'TTL',
    timestamp: 'Timestamp',
    permissions: 'Permissions',
  },
  resolve: {
    title: 'Industrial Internet identifier resolution',
    intro: 'Enter an identifier (e.g. 88.118.8/JXDY2106023) or scan the QR code on a product to see the public part of its record.',
    placeholder: 'Identifier to resolve: prefix and suffix separated by /',
    submit: 'Resolve',
    hint: 'No login needed. An identifier is a prefix and a suffix; only the first / separates them.',
    login: 'Log in to the console',
    prefix: 'Prefix',
    suffix: 'Suffix',
    valueCount: 'Values',
    lastChange: 'Last changed',
    values: 'Values',
    follow: 'Open link',
    redirectLink: 'Redirect through the resolver (?redirect)',
    publicOnly: 'Only publicly readable values are shown; values that are not public are never returned to anonymous visitors.',
    codeLine: 'Response code {{code}}: {{handle}}',
    downloadQr: 'Download QR code',
    publicLink: 'Public resolve page',
  },
};
