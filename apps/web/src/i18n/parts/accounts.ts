import type { Widen } from './widen';

/**
 * Console messages for account security (lockout, unlock, the password policy's refusals), kept apart
 * so that work on other areas does not touch the same file. zh-CN is the source of truth.
 */
export const zhCN = {
  unlock: '解除锁定',
  unlockConfirm: '{{name}} 因登录失败过多，在部分地址上被锁定。解除全部锁定？',
  unlocked: '已解除 {{name}} 的登录锁定',
};

export const enUS: Widen<typeof zhCN> = {
  unlock: 'Unlock',
  unlockConfirm: '{{name}} is locked out from some addresses after too many failed logins. Lift every lock?',
  unlocked: 'The login locks of {{name}} have been lifted',
};
