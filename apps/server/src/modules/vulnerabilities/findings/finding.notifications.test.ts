import { describe, expect, it } from 'vitest';
import { type FindingFacts, findingDueSoonNotice, findingsAssignedNotices, findingsOverdueNotices } from './finding.notifications.js';

const finding = (id: string, enterpriseId: string, grade: FindingFacts['grade'], due: string): FindingFacts => ({
  id,
  assetId: `asset-${id}`,
  vulnerabilityId: `vuln-${id}`,
  enterpriseId,
  grade,
  slaDueAt: new Date(`${due}T00:00:00Z`),
});

describe('finding notices (#12 item 2)', () => {
  it('gives each enterprise one notice of its own findings, with grades and the earliest deadline', () => {
    const notices = findingsAssignedNotices([
      finding('1', 'e1', 'high', '2026-12-20'),
      finding('2', 'e1', 'critical', '2026-12-10'),
      finding('3', 'e2', 'low', '2027-01-30'),
    ]);
    expect(notices.map((n) => n.recipients)).toEqual([
      [{ role: 'enterprise_user', orgId: 'e1' }],
      [{ role: 'enterprise_user', orgId: 'e2' }],
    ]);
    expect(notices[0]?.message.title.zh).toBe('2 项漏洞发现待处置');
    expect(notices[0]?.message.body.zh).toContain('超危 1 项、高危 1 项');
    expect(notices[0]?.message.body.zh).toContain('最早整改期限为 2026-12-10');
    expect(notices[0]?.message.link).toBe('/security/findings?enterpriseId=e1&open=true');
    expect(findingsAssignedNotices([])).toEqual([]);
  });

  it('reminds once per finding and deadline', () => {
    const a = findingDueSoonNotice(finding('1', 'e1', 'high', '2026-12-20'));
    expect(a.message.dedupeKey).toBe('finding.due:1:2026-12-20');
    expect(a.message.title.zh).toBe('漏洞整改将于 2026-12-20 到期');
    expect(a.message.link).toBe('/security/findings?assetId=asset-1&vulnerabilityId=vuln-1');
    // A new deadline (the finding was reopened) is a new reminder.
    expect(findingDueSoonNotice(finding('1', 'e1', 'high', '2027-01-05')).message.dedupeKey).not.toBe(a.message.dedupeKey);
  });

  it('tells an enterprise of its overdue findings', () => {
    const [n] = findingsOverdueNotices([finding('1', 'e1', 'medium', '2026-11-01')], '2026-11-20');
    expect(n?.recipients).toEqual([{ role: 'enterprise_user', orgId: 'e1' }]);
    expect(n?.message.kind).toBe('security.finding_overdue');
    expect(n?.message.body.zh).toContain('中危 1 项');
    expect(n?.message.link).toBe('/security/findings?enterpriseId=e1&overdue=true');
  });
});
