import { definePolicy } from '../policy/policy.js';

/** Who may read and verify the audit log: holders of audit:read (city administrators, auditors). */
export const auditPolicy = definePolicy<{ seq: number }, 'read' | 'verify'>('audit entry', {
  read: { access: 'audit:read' },
  verify: { access: 'audit:read' },
});
