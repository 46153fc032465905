import type { API, Finding, FindingState, Match, Notice, Vulnerability } from '@suilian/contracts';
import { beijingTime, codeColumn, dayOf, type ListExport, textColumn, type Worded, yesNo } from '../../platform/tabular/list-export.js';
import type { CatalogueService } from './catalogue.service.js';
import type { FindingService } from './findings/finding.service.js';
import type { MatchingService } from './matching/matching.service.js';
import type { NoticeService } from './notices/notice.service.js';

const GRADE_NAMES: Record<NonNullable<Vulnerability['grade']>, Worded> = {
  critical: { zh: '超危', en: 'Critical' },
  high: { zh: '高危', en: 'High' },
  medium: { zh: '中危', en: 'Medium' },
  low: { zh: '低危', en: 'Low' },
};
const VERDICT_NAMES: Record<Match['verdict'], Worded> = {
  affected: { zh: '受影响', en: 'Affected' },
  needs_review: { zh: '待人工研判', en: 'Needs review' },
  not_affected: { zh: '不受影响', en: 'Not affected' },
};
const FINDING_STATE_NAMES: Record<FindingState, Worded> = {
  new: { zh: '新发现', en: 'New' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  false_positive: { zh: '误报', en: 'False positive' },
  not_affected: { zh: '不受影响', en: 'Not affected' },
  remediating: { zh: '修复中', en: 'Remediating' },
  fixed_awaiting_verification: { zh: '已修复待复验', en: 'Fixed, awaiting re-verification' },
  verified_closed: { zh: '复验关闭', en: 'Verified and closed' },
  risk_accepted: { zh: '风险接受', en: 'Risk accepted' },
  reopened: { zh: '重新打开', en: 'Reopened' },
};
const NOTICE_STATUS_NAMES: Record<Notice['status'], Worded> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
};
const asset = (a: { vendor: string; product: string; model: string | null; firmwareVersion: string | null }) =>
  [a.vendor, a.product, a.model, a.firmwareVersion].filter(Boolean).join(' ');

/** 漏洞清单 (#12 item 7). */
export function vulnerabilityExport(
  catalogue: Pick<CatalogueService, 'listVulnerabilities'>,
): ListExport<typeof API.exportVulnerabilities, Vulnerability> {
  return {
    name: { zh: '漏洞清单', en: 'Vulnerabilities' },
    list: (actor, query) => catalogue.listVulnerabilities(actor, query),
    columns: [
      textColumn({ zh: '编号', en: 'ID' }, (v) => v.key, 20),
      textColumn({ zh: 'CVE', en: 'CVE' }, (v) => v.cve, 18),
      textColumn({ zh: 'CNVD', en: 'CNVD' }, (v) => v.cnvd, 18),
      { header: { zh: '名称', en: 'Title' }, value: (v, lang) => (lang === 'zh-CN' ? (v.titleZh ?? v.title) : v.title), width: 48 },
      textColumn({ zh: 'CWE', en: 'CWE' }, (v) => v.cwe),
      textColumn({ zh: 'CVSS 基础分', en: 'CVSS base score' }, (v) => v.baseScore),
      codeColumn({ zh: '等级', en: 'Grade' }, GRADE_NAMES, (v) => v.grade),
      { header: { zh: '评分不一致', en: 'Scores disagree' }, value: (v, lang) => yesNo(v.scoreDisagrees, lang) },
      textColumn({ zh: '受影响资产数', en: 'Affected assets' }, (v) => v.affectedAssets),
      { header: { zh: '发布日期', en: 'Published' }, value: (v) => dayOf(v.publishedAt), type: 'date' },
    ],
  };
}

/** 匹配研判清单 (#12 item 7). */
export function matchExport(matching: Pick<MatchingService, 'list'>): ListExport<typeof API.exportMatches, Match> {
  return {
    name: { zh: '匹配研判清单', en: 'Matches' },
    list: (actor, query) => matching.list(actor, query),
    columns: [
      textColumn({ zh: '漏洞编号', en: 'Vulnerability' }, (m) => m.vulnerabilityKey, 20),
      textColumn({ zh: '漏洞名称', en: 'Title' }, (m) => m.vulnerabilityTitle, 40),
      codeColumn({ zh: '等级', en: 'Grade' }, GRADE_NAMES, (m) => m.grade),
      textColumn({ zh: '企业', en: 'Enterprise' }, (m) => m.enterpriseName, 32),
      textColumn({ zh: '资产', en: 'Asset' }, (m) => asset(m.asset), 36),
      codeColumn({ zh: '匹配结论', en: 'Verdict' }, VERDICT_NAMES, (m) => m.verdict),
      codeColumn({ zh: '研判结论', en: 'Review' }, VERDICT_NAMES, (m) => m.reviewVerdict),
      textColumn({ zh: '研判说明', en: 'Review note' }, (m) => m.reviewNote, 36),
      textColumn({ zh: '研判时间', en: 'Reviewed at' }, (m) => beijingTime(m.reviewedAt), 18),
      textColumn({ zh: '匹配时间', en: 'Matched at' }, (m) => beijingTime(m.matchedAt), 18),
    ],
  };
}

/** 漏洞处置清单 (#12 item 7). */
export function findingExport(findings: Pick<FindingService, 'list'>): ListExport<typeof API.exportFindings, Finding> {
  return {
    name: { zh: '漏洞处置清单', en: 'Findings' },
    list: (actor, query) => findings.list(actor, query),
    columns: [
      textColumn({ zh: '漏洞编号', en: 'Vulnerability' }, (f) => f.vulnerabilityKey, 20),
      textColumn({ zh: '漏洞名称', en: 'Title' }, (f) => f.vulnerabilityTitle, 40),
      codeColumn({ zh: '等级', en: 'Grade' }, GRADE_NAMES, (f) => f.grade),
      textColumn({ zh: '企业', en: 'Enterprise' }, (f) => f.enterpriseName, 32),
      textColumn({ zh: '资产', en: 'Asset' }, (f) => asset(f.asset), 36),
      codeColumn({ zh: '状态', en: 'State' }, FINDING_STATE_NAMES, (f) => f.state),
      textColumn({ zh: '整改责任人', en: 'Remediation owner' }, (f) => f.remediationOwner),
      { header: { zh: '计划完成日期', en: 'Remediation due' }, value: (f) => dayOf(f.remediationDue), type: 'date' },
      textColumn({ zh: '处置时限', en: 'SLA due' }, (f) => beijingTime(f.slaDueAt), 18),
      { header: { zh: '已超期', en: 'Overdue' }, value: (f, lang) => yesNo(f.overdue, lang) },
      textColumn({ zh: '首次发现', en: 'First seen' }, (f) => beijingTime(f.firstSeenAt), 18),
    ],
  };
}

/** 漏洞通报清单 (#12 item 7). */
export function noticeExport(notices: Pick<NoticeService, 'list'>): ListExport<typeof API.exportNotices, Notice> {
  return {
    name: { zh: '漏洞通报清单', en: 'Notices' },
    list: (actor, query) => notices.list(actor, query),
    columns: [
      textColumn({ zh: '通报编号', en: 'Number' }, (n) => n.number, 18),
      textColumn({ zh: '标题', en: 'Title' }, (n) => n.title, 40),
      codeColumn({ zh: '等级', en: 'Grade' }, GRADE_NAMES, (n) => n.grade),
      textColumn({ zh: '涉及漏洞', en: 'Vulnerabilities' }, (n) => n.vulnerabilities.map((v) => v.key).join('、'), 32),
      textColumn({ zh: '通报企业数', en: 'Recipients' }, (n) => n.recipients.length),
      { header: { zh: '反馈截止日期', en: 'Response deadline' }, value: (n) => dayOf(n.responseDeadline), type: 'date' },
      codeColumn({ zh: '状态', en: 'Status' }, NOTICE_STATUS_NAMES, (n) => n.status),
      textColumn({ zh: '发布时间', en: 'Published at' }, (n) => beijingTime(n.publishedAt), 18),
    ],
  };
}
