import type { API, Role, User } from '@suilian/contracts';
import { beijingTime, codeColumn, type ListExport, textColumn, type Worded, yesNo } from '../../platform/tabular/list-export.js';
import type { UserService } from './user.service.js';

const ROLE_NAMES: Record<Role, Worded> = {
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
const STATUS_NAMES: Record<User['status'], Worded> = { active: { zh: '启用', en: 'Active' }, disabled: { zh: '停用', en: 'Disabled' } };

/** 用户清单: the accounts the caller administers, filtered as the list (#12 item 7). */
export function userExport(users: Pick<UserService, 'list'>): ListExport<typeof API.exportUsers, User> {
  return {
    name: { zh: '用户清单', en: 'Users' },
    list: (actor, query) => users.list(actor, query),
    columns: [
      textColumn({ zh: '用户名', en: 'Username' }, (u) => u.username, 20),
      textColumn({ zh: '姓名', en: 'Name' }, (u) => u.displayName, 16),
      codeColumn({ zh: '角色', en: 'Role' }, ROLE_NAMES, (u) => u.role),
      textColumn({ zh: '所属组织', en: 'Organisation' }, (u) => u.orgName, 32),
      textColumn({ zh: '邮箱', en: 'Email' }, (u) => u.email, 28),
      textColumn({ zh: '手机', en: 'Phone' }, (u) => u.phone),
      codeColumn({ zh: '状态', en: 'Status' }, STATUS_NAMES, (u) => u.status),
      { header: { zh: '双因素认证', en: 'Two-factor' }, value: (u, lang) => yesNo(u.twoFactorEnabled, lang) },
      textColumn({ zh: '最近登录', en: 'Last login' }, (u) => beijingTime(u.lastLoginAt), 18),
      textColumn({ zh: '创建时间', en: 'Created' }, (u) => beijingTime(u.createdAt), 18),
    ],
  };
}
