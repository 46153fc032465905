import { enUS as refusalEnUS, zhCN as refusalZhCN, withDomains } from './refusalReasons';
import { enUS as ruleEnUS, zhCN as ruleZhCN } from './ruleReasons';
import type { Widen } from './widen';

/**
 * Refusal reasons the server sends as `details.reason = { code, params }` (RefusalReasonSchema), one
 * sentence per code; `{{param}}` placeholders take the reason's params. Keys are the codes with the
 * first dot kept as nesting: `project.scenario_required` → reasons.project.scenario_required.
 * zh-CN is the source of truth; a code missing here falls back to the generic sentence of the error
 * code (never to the server's English).
 */
export const zhCN = {
  reasons: withDomains(
    { ...refusalZhCN, ...ruleZhCN },
    {
      notification: {
        outbox_admin_only: '只有系统管理员可以立即投递邮件。',
      },
      project: {
        district_of_enterprise: '项目所在区即企业所在区，不能另选其他区。',
      },
    },
  ),
};

export const enUS: Widen<typeof zhCN> = {
  reasons: withDomains(
    { ...refusalEnUS, ...ruleEnUS },
    {
      notification: {
        outbox_admin_only: 'Only system administrators can dispatch the mail outbox now.',
      },
      project: {
        district_of_enterprise: "A project is in its enterprise's district; another district cannot be chosen.",
      },
    },
  ),
};
