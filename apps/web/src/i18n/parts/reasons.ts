import type { Widen } from './widen';

/**
 * Refusal reasons the server sends as `details.reason = { code, params }` (RefusalReasonSchema), one
 * sentence per code; `{{param}}` placeholders take the reason's params. Keys are the codes with the
 * first dot kept as nesting: `project.scenario_required` → reasons.project.scenario_required.
 * zh-CN is the source of truth; a code missing here falls back to the generic sentence of the error
 * code (never to the server's English).
 */
export const zhCN = {
  reasons: {
    notification: {
      outbox_admin_only: '只有系统管理员可以立即投递邮件。',
    },
  },
};

export const enUS: Widen<typeof zhCN> = {
  reasons: {
    notification: {
      outbox_admin_only: 'Only system administrators can dispatch the mail outbox now.',
    },
  },
};
