import { describe, expect, it } from 'vitest';
import { auditDiff } from './diff';

describe('audit entry details as a diff (#12 item 7)', () => {
  it('pairs the fields of before and after and marks the changed ones', () => {
    const rows = auditDiff(
      { name: '甲', status: 'draft', contact: { phone: '1' } },
      { name: '甲', status: 'submitted', contact: { phone: '2' } },
    );
    expect(rows).toEqual([
      { path: 'name', before: '甲', after: '甲', changed: false },
      { path: 'status', before: 'draft', after: 'submitted', changed: true },
      { path: 'contact.phone', before: '1', after: '2', changed: true },
    ]);
  });

  it('shows a creation as after only and a deletion as before only, arrays as one field', () => {
    expect(auditDiff(null, { tags: ['a', 'b'] })).toEqual([{ path: 'tags', before: undefined, after: '["a","b"]', changed: true }]);
    expect(auditDiff({ n: 1 }, null)).toEqual([{ path: 'n', before: '1', after: undefined, changed: true }]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});
