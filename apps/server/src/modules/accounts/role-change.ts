import type { Role } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { refusal } from '../../platform/errors.js';
import type { NotificationMessage } from '../notifications/index.js';

/**
 * Who may change an account's role (issue #11 item 6): people with a city administrator's role,
 * never an API token (machine credentials carry no second factor), never on their own account.
 * System actors (the CLI) pass. Checked before the account is loaded, so the refusal does not depend
 * on whether the account exists.
 */
export function assertMayChangeRole(actor: Actor, targetId: string): void {
  if (actor.via === 'token') throw refusal('FORBIDDEN', 'user.role_change_person_only', 'API tokens cannot change the role of an account');
  if (actor.role !== 'city_admin')
    throw refusal('FORBIDDEN', 'user.role_change_city_admin_only', 'only city administrators change the role of an account');
  if (actor.userId === targetId) throw refusal('CONFLICT', 'user.role_change_self', 'you cannot change your own role');
}

const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  city_admin: { zh: '市级管理员', en: 'City administrator' },
  city_analyst: { zh: '市级分析员', en: 'City analyst' },
  district_officer: { zh: '区级专员', en: 'District officer' },
  enterprise_user: { zh: '企业用户', en: 'Enterprise user' },
  provider_user: { zh: '服务商用户', en: 'Provider user' },
  expert: { zh: '评审专家', en: 'Expert reviewer' },
  security_analyst: { zh: '安全分析员', en: 'Security analyst' },
  auditor: { zh: '审计人员', en: 'Auditor' },
  bank_user: { zh: '银行用户', en: 'Bank user' },
};

/**
 * The notice the account itself receives (nobody else: the actor knows, and colleagues of the old or
 * new organisation are not told of a personnel change). It links to the profile, which every role
 * can open, and says why the session ended.
 */
export function roleChangedNotice(change: { fromRole: Role; toRole: Role; orgName: string; by: string }): NotificationMessage {
  const from = ROLE_LABELS[change.fromRole];
  const to = ROLE_LABELS[change.toRole];
  return {
    kind: 'account.role_changed',
    title: { zh: '您的账号角色已变更', en: 'Your role has changed' },
    body: {
      zh: `${change.by} 将您的角色由“${from.zh}”改为“${to.zh}”，所属机构为“${change.orgName}”。您已退出登录，请重新登录后使用新角色的功能。`,
      en: `${change.by} changed your role from ${from.en} to ${to.en}, in ${change.orgName}. You were signed out; sign in again to work in the new role.`,
    },
    link: '/profile',
  };
}
