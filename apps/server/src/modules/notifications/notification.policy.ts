import { definePolicy } from '../../platform/policy/policy.js';

/**
 * The mail outbox is read by those who read the audit trail (audit:read); sending its due mail on
 * demand is an act, not a reading, and needs mail:dispatch (city administrators): an auditor who
 * reads the outbox is refused (issue #11 item 5). A person's own notifications need no permission:
 * they are theirs (notification.service.ts keeps every query to the caller's own rows).
 */
export const outboxPolicy = definePolicy<{ id: string }, 'read' | 'dispatch'>('mail', {
  read: { access: 'audit:read' },
  dispatch: { access: 'mail:dispatch' },
});
