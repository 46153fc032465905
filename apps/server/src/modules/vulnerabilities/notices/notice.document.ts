import type { Notice, VulnGrade } from '@suilian/contracts';
import type { DocumentModel, Tone } from '../../../platform/documents/index.js';

export const GRADE_ZH: Record<VulnGrade, string> = { critical: '超危', high: '高危', medium: '中危', low: '低危' };
const GRADE_TONE: Record<VulnGrade, Tone> = { critical: 'danger', high: 'danger', medium: 'warning', low: 'info' };
const RESPONSE_ZH = { mitigated: '已处置', in_progress: '处置中', not_applicable: '不涉及' } as const;

/** The notice as a printable document (HTML and PDF say the same). */
export function noticeDocument(n: Notice, now: Date): DocumentModel {
  return {
    title: n.title,
    subtitle: n.number ?? '（草稿）',
    lang: 'zh-CN',
    meta: [
      { label: '级别', value: GRADE_ZH[n.grade] },
      { label: '发布时间', value: n.publishedAt?.slice(0, 10) ?? '未发布' },
      { label: '反馈截止', value: n.responseDeadline },
      { label: '生成时间', value: now.toISOString().slice(0, 16).replace('T', ' ') },
    ],
    blocks: [
      { kind: 'paragraph', text: `预警级别：${GRADE_ZH[n.grade]}`, tone: GRADE_TONE[n.grade] },
      { kind: 'heading', text: '一、漏洞概况' },
      { kind: 'paragraph', text: n.summary },
      {
        kind: 'table',
        columns: [
          { title: '编号', width: 1.4 },
          { title: '名称', width: 3 },
          { title: '级别', align: 'center' },
        ],
        rows: n.vulnerabilities.map((v) => [v.key, v.title, v.grade ? { text: GRADE_ZH[v.grade], tone: GRADE_TONE[v.grade] } : '—']),
      },
      { kind: 'heading', text: '二、影响范围' },
      { kind: 'paragraph', text: n.affectedScope },
      { kind: 'heading', text: '三、处置建议' },
      { kind: 'paragraph', text: n.mitigations },
      { kind: 'heading', text: '四、受影响企业' },
      {
        kind: 'table',
        columns: [{ title: '企业', width: 3 }, { title: '受影响资产', align: 'right' }, { title: '签收' }, { title: '反馈' }],
        rows: n.recipients.map((r) => [
          r.enterpriseName,
          String(r.assetCount),
          r.acknowledgedAt ? r.acknowledgedAt.slice(0, 10) : { text: '未签收', tone: 'warning' },
          r.responseStatus ? RESPONSE_ZH[r.responseStatus] : '—',
        ]),
        empty: '暂无匹配到的受影响企业',
      },
      { kind: 'paragraph', text: `请相关企业于 ${n.responseDeadline} 前在平台签收本通报并反馈处置情况。`, tone: 'muted' },
    ],
    footer: '广州市工业互联网安全监测与预警 · 穗联平台',
  };
}
