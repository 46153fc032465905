import type { Widen } from './widen';

/** Console messages for API tokens. zh-CN is the source of truth. */
export const zhCN = {
  tokens: {
    title: 'API令牌',
    create: '新建令牌',
    createTitle: '新建API令牌',
    name: '令牌名称',
    prefix: '前缀',
    createdBy: '创建人',
    expiresAt: '过期时间',
    lastUsedAt: '最近使用',
    revokedAt: '已撤销',
    showRevoked: '显示已撤销',
    revoke: '撤销',
    revokeConfirm: '撤销后使用该令牌的系统将立即无法访问。确定撤销 {{name}}？',
    revoked: '已撤销 {{name}}',
    valid: '有效',
    expired: '已过期',
    never: '永不过期',
    neverUsed: '从未使用',
    oneTimeTitle: '令牌已创建',
    oneTimeBody: '请立即复制令牌 {{name}} 并妥善保存：',
    oneTimeWarning: '令牌只显示这一次，关闭后无法再次查看；遗失请撤销后重新创建。',
    empty: '暂无API令牌。点击"新建令牌"为对接系统签发访问凭证。',
  },
};

export const enUS: Widen<typeof zhCN> = {
  tokens: {
    title: 'API tokens',
    create: 'New token',
    createTitle: 'New API token',
    name: 'Token name',
    prefix: 'Prefix',
    createdBy: 'Created by',
    expiresAt: 'Expires',
    lastUsedAt: 'Last used',
    revokedAt: 'Revoked',
    showRevoked: 'Show revoked',
    revoke: 'Revoke',
    revokeConfirm: 'Systems using {{name}} lose access at once. Revoke?',
    revoked: '{{name}} revoked',
    valid: 'Valid',
    expired: 'Expired',
    never: 'Never',
    neverUsed: 'Never used',
    oneTimeTitle: 'Token created',
    oneTimeBody: 'Copy the token {{name}} now and keep it safe:',
    oneTimeWarning: 'The token is shown only once and cannot be viewed again; if lost, revoke it and create a new one.',
    empty: 'No API tokens yet. Click "New token" to issue credentials for a connected system.',
  },
};
