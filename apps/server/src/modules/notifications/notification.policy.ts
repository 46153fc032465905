import { definePolicy } from '../../platform/policy/policy.js';

/**
 * The mail outbox is read, and dispatched on demand, by those who read the audit trail
 * (audit:read). A person's own notifications need no permission: they are theirs
 * (notification.service.ts keeps every query to the caller's own rows).
 */
export const outboxPolicy = definePolicy<{ id: string }, 'read' | 'dispatch'>('mail', {
  read: { access: 'audit:read' },
  dispatch: { access: 'audit:read' },
});
