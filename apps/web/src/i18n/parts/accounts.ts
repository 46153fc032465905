import type { Widen } from './widen';

/**
 * Console messages for account security (lockout, unlock, the password policy's refusals), kept apart
 * so that work on other areas does not touch the same file. zh-CN is the source of truth.
 */
export const zhCN = {
  unlock: '解除锁定',
  unlockConfirm: '{{name}} 因登录失败过多，在部分地址上被锁定。解除全部锁定？',
  unlocked: '已解除 {{name}} 的登录锁定',
  roleChange: '更改角色',
  roleChangeTitle: '更改角色 · {{name}}',
  roleChangeCurrent: '当前：{{role}}，{{org}}',
  roleChangeSessionsEnd:
    '保存后，{{name}} 的所有会话立即在每台服务器上结束，须重新登录；本人会收到一条站内通知。新角色要求双因素认证时，下次登录须先绑定。',
  roleChangeSubmit: '更改角色',
  roleChangeConfirmTitle: '确定更改 {{name}} 的角色？',
  roleChangeConfirmBody: '由“{{from}}”改为“{{to}}”。{{name}} 当前的所有会话将立即结束。',
  roleChangeConfirmOk: '更改并结束会话',
  roleChanged: '已将 {{name}} 改为“{{role}}”，其会话已全部结束',
};

export const enUS: Widen<typeof zhCN> = {
  unlock: 'Unlock',
  unlockConfirm: '{{name}} is locked out from some addresses after too many failed logins. Lift every lock?',
  unlocked: 'The login locks of {{name}} have been lifted',
  roleChange: 'Change role',
  roleChangeTitle: 'Change role · {{name}}',
  roleChangeCurrent: 'Now: {{role}}, {{org}}',
  roleChangeSessionsEnd:
    'When saved, every session of {{name}} ends at once on every server and they must sign in again; they receive a notification. If the new role requires two-factor authentication, they enrol at their next login.',
  roleChangeSubmit: 'Change role',
  roleChangeConfirmTitle: 'Change the role of {{name}}?',
  roleChangeConfirmBody: 'From {{from}} to {{to}}. Every current session of {{name}} ends at once.',
  roleChangeConfirmOk: 'Change and end sessions',
  roleChanged: '{{name}} is now {{role}}; their sessions have ended',
};
