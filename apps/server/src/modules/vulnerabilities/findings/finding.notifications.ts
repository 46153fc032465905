import type { VulnGrade } from '@suilian/contracts';
import type { BilingualText, NotificationMessage, Recipient } from '../../notifications/index.js';

/**
 * What an enterprise hears about its findings (issue #12 item 2): new or reopened ones to handle,
 * a remediation deadline coming up, a deadline missed. Pure; the callers notify in their transaction.
 */

/** The console's names of the grades (glossary: 超危 / 高危 / 中危 / 低危). */
export const GRADE_NAMES: Readonly<Record<VulnGrade, BilingualText>> = {
  critical: { zh: '超危', en: 'critical' },
  high: { zh: '高危', en: 'high' },
  medium: { zh: '中危', en: 'medium' },
  low: { zh: '低危', en: 'low' },
};

/** A finding as the notices need it. */
export interface FindingFacts {
  id: string;
  assetId: string;
  vulnerabilityId: string;
  enterpriseId: string;
  grade: VulnGrade;
  slaDueAt: Date;
}

export interface FindingNotice {
  recipients: Recipient[];
  message: NotificationMessage;
}

/** Days before the SLA deadline when the enterprise is reminded. */
export const DUE_SOON_DAYS = 3;

/** The findings list narrowed to one enterprise's open findings, or to one finding (asset + vulnerability). */
export const findingsLink = (filter: { enterpriseId: string } | { assetId: string; vulnerabilityId: string }) =>
  'assetId' in filter
    ? `/security/findings?assetId=${filter.assetId}&vulnerabilityId=${filter.vulnerabilityId}`
    : `/security/findings?enterpriseId=${filter.enterpriseId}&open=true`;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** "超危 1 项、高危 2 项" — the grades present, most severe first. */
function gradeSummary(findings: readonly FindingFacts[]): BilingualText {
  const order: VulnGrade[] = ['critical', 'high', 'medium', 'low'];
  const counts = order.map((g) => [g, findings.filter((f) => f.grade === g).length] as const).filter(([, n]) => n > 0);
  return {
    zh: counts.map(([g, n]) => `${GRADE_NAMES[g].zh} ${n} 项`).join('、'),
    en: counts.map(([g, n]) => `${n} ${GRADE_NAMES[g].en}`).join(', '),
  };
}

function byEnterprise(findings: readonly FindingFacts[]): Map<string, FindingFacts[]> {
  const groups = new Map<string, FindingFacts[]>();
  for (const f of findings) groups.set(f.enterpriseId, [...(groups.get(f.enterpriseId) ?? []), f]);
  return groups;
}

/** New or reopened findings: one notice per enterprise, to its users, with the earliest deadline. */
export function findingsAssignedNotices(findings: readonly FindingFacts[]): FindingNotice[] {
  return [...byEnterprise(findings)].map(([enterpriseId, group]) => {
    const earliest = day(new Date(Math.min(...group.map((f) => f.slaDueAt.getTime()))));
    const grades = gradeSummary(group);
    return {
      recipients: [{ role: 'enterprise_user', orgId: enterpriseId }],
      message: {
        kind: 'security.finding_assigned',
        title: { zh: `${group.length} 项漏洞发现待处置`, en: `${group.length} findings to handle` },
        body: {
          zh: `贵单位资产新发现（或再次发现）${group.length} 项漏洞（${grades.zh}），请确认并制定整改计划，最早整改期限为 ${earliest}。`,
          en: `${group.length} vulnerabilities were found (or found again) on your assets (${grades.en}); please confirm them and plan the remediation. The earliest deadline is ${earliest}.`,
        },
        link: findingsLink({ enterpriseId }),
      },
    };
  });
}

/** One finding's deadline is near: once per finding and deadline (the key changes when the deadline does). */
export function findingDueSoonNotice(finding: FindingFacts): FindingNotice {
  const due = day(finding.slaDueAt);
  const grade = GRADE_NAMES[finding.grade];
  return {
    recipients: [{ role: 'enterprise_user', orgId: finding.enterpriseId }],
    message: {
      kind: 'security.finding_due',
      title: { zh: `漏洞整改将于 ${due} 到期`, en: `Remediation due on ${due}` },
      body: {
        zh: `贵单位一项${grade.zh}漏洞发现的整改期限为 ${due}，请在到期前完成修复并标记为已修复，逾期将上报区级和市级。`,
        en: `A ${grade.en} finding on your assets is due for remediation on ${due}; please fix it and mark it fixed before then. Overdue findings are escalated to the district and the city.`,
      },
      link: findingsLink({ assetId: finding.assetId, vulnerabilityId: finding.vulnerabilityId }),
      dedupeKey: `finding.due:${finding.id}:${due}`,
    },
  };
}

/** Findings past their deadline, told to their enterprise (the district and city hear it from the sweep's escalation). */
export function findingsOverdueNotices(findings: readonly FindingFacts[], today: string): FindingNotice[] {
  return [...byEnterprise(findings)].map(([enterpriseId, group]) => ({
    recipients: [{ role: 'enterprise_user', orgId: enterpriseId }],
    message: {
      kind: 'security.finding_overdue',
      title: { zh: `${group.length} 项漏洞发现已超过整改期限`, en: `${group.length} findings are past their remediation deadline` },
      body: {
        zh: `贵单位 ${group.length} 项漏洞发现（${gradeSummary(group).zh}）已超过整改期限，已上报区级和市级，请尽快处置。`,
        en: `${group.length} findings on your assets (${gradeSummary(group).en}) are past their deadline and were escalated to the district and the city; please handle them now.`,
      },
      link: `/security/findings?enterpriseId=${enterpriseId}&overdue=true`,
      dedupeKey: `finding.overdue:${enterpriseId}:${today}:${group
        .map((f) => f.id)
        .sort()
        .join(',')
        .slice(0, 120)}`,
    },
  }));
}
