import type { WhitePaperChapter, WhitePaperSnapshot } from '@suilian/contracts';
import { WHITE_PAPER_CHAPTERS } from '@suilian/contracts';
import type { Block, DocumentModel, Tone } from '../../platform/documents/index.js';
import { maskPersonalData } from './personal-data.js';
import { CHAPTER_TITLES } from './white-paper.labels.js';
import { tenThousandYuan } from './white-paper.money.js';

const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const STATUS: Record<string, { label: string; tone: Tone }> = {
  achieved: { label: '已完成', tone: 'success' },
  on_track: { label: '正常', tone: 'success' },
  at_risk: { label: '预警', tone: 'warning' },
  behind: { label: '滞后', tone: 'danger' },
  no_data: { label: '无数据', tone: 'muted' },
  unallocated: { label: '未分解', tone: 'muted' },
};

/** Numbers grouped the Chinese way (12,345; 2 decimals at most). */
function num(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}
function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** The figures of each chapter as document blocks (charts and tables), without commentary. */
export function chapterFigures(s: WhitePaperSnapshot): Record<WhitePaperChapter, Block[]> {
  const achieved = s.targets.filter((t) => t.status === 'achieved').length;
  return {
    overview: [
      {
        kind: 'paragraph',
        text: `截至 ${s.asOf}，试点城市实施方案的 ${s.targets.length} 项2027年目标中，已完成 ${achieved} 项。`,
      },
      {
        kind: 'barChart',
        title: '各项目标完成率（当前值 ÷ 2027年目标）',
        bars: s.targets.map((t) => ({
          // Readers know the targets by name; the code stays in the table below.
          label: t.nameZh,
          value: Math.min(t.progress ?? 0, 1),
          text: percent(t.progress),
          tone: STATUS[t.status]?.tone ?? 'info',
        })),
      },
      {
        kind: 'table',
        columns: [
          { title: '编号', width: 1.1 },
          { title: '指标', width: 3.4 },
          { title: '当前值', align: 'right', width: 1.2 },
          { title: '2027年目标', align: 'right', width: 1.2 },
          { title: '完成率', align: 'right' },
          { title: '进度', align: 'center', width: 0.9 },
        ],
        rows: s.targets.map((t) => [
          t.code,
          `${t.nameZh}（${t.unit}）`,
          num(t.value),
          num(t.target),
          percent(t.progress),
          { text: STATUS[t.status]?.label ?? t.status, tone: STATUS[t.status]?.tone ?? 'muted' },
        ]),
      },
    ],
    districts: [
      {
        kind: 'barChart',
        title: '各区综合完成度（各项目标完成率的平均值）',
        bars: s.districts.map((d) => ({ label: d.name, value: d.overallProgress, text: percent(d.overallProgress) })),
        empty: '暂无分区数据',
      },
      {
        kind: 'table',
        columns: [
          { title: '区', width: 1.2 },
          { title: '综合完成度', align: 'right' },
          { title: '5G工厂', align: 'right' },
          { title: '5G专网', align: 'right' },
          { title: '未闭环漏洞', align: 'right' },
        ],
        rows: s.districts.map((d) => [d.name, percent(d.overallProgress), num(d.factories), num(d.networks), num(d.openFindings)]),
        empty: '暂无分区数据',
      },
    ],
    projects: [
      { kind: 'paragraph', text: `平台登记"5G+工业互联网"项目 ${s.projects.total} 个。` },
      {
        kind: 'barChart',
        title: '项目按状态分布（个）',
        bars: s.projects.byState.map((c) => ({ label: c.label, value: c.count, text: num(c.count) })),
        empty: '暂无项目',
      },
      {
        kind: 'table',
        caption: `典型案例（${s.cases.length} 个）`,
        columns: [
          { title: '案例', width: 2.6 },
          { title: '企业', width: 2.2 },
          { title: '所在区', width: 1 },
          { title: '成效', width: 3 },
        ],
        rows: s.cases.map((c) => [c.subject, c.enterpriseName, c.districtName, c.benefits || '—']),
        empty: '暂无已发布的典型案例',
      },
    ],
    factories: [
      {
        kind: 'paragraph',
        text: `已登记5G工厂 ${s.factories.total} 家，其中已上线场景不少于10个、计入目标的 ${s.factories.countingTowardTarget} 家。`,
      },
      {
        kind: 'barChart',
        title: '5G工厂按建设等级分布（家）',
        bars: s.factories.byLevel.map((c) => ({ label: c.label, value: c.count, text: num(c.count) })),
        empty: '暂无5G工厂',
      },
    ],
    networks: [
      { kind: 'paragraph', text: `已登记5G行业虚拟专网 ${s.networks.total} 张，边缘计算节点 ${s.networks.edgeNodes} 个。` },
      {
        kind: 'barChart',
        title: '5G专网按状态分布（张）',
        bars: s.networks.byState.map((c) => ({ label: c.label, value: c.count, text: num(c.count) })),
        empty: '暂无5G专网',
      },
    ],
    security: [
      {
        kind: 'paragraph',
        text:
          `漏洞平均闭环时长 ${s.security.meanTimeToRemediateDays === null ? '—' : `${num(s.security.meanTimeToRemediateDays)} 天`}，` +
          `按期闭环率 ${percent(s.security.closedWithinSla)}。`,
      },
      {
        kind: 'barChart',
        title: '未闭环漏洞按等级分布（个）',
        bars: s.security.openByGrade.map((c) => ({ label: c.label, value: c.count, text: num(c.count) })),
        empty: '暂无未闭环漏洞',
      },
      {
        kind: 'table',
        caption: '按月发现与闭环的漏洞（个）',
        columns: [{ title: '月份' }, { title: '发现', align: 'right' }, { title: '闭环', align: 'right' }],
        rows: s.security.monthly.map((m) => [m.month, num(m.detected), num(m.closed)]),
        empty: '暂无数据',
      },
    ],
    funds: [
      {
        kind: 'paragraph',
        text: `专项资金累计决定奖补 ${s.funds.awards} 项、金额 ${tenThousandYuan(s.funds.awarded)}，已拨付 ${tenThousandYuan(s.funds.disbursed)}。`,
      },
      {
        kind: 'table',
        columns: [
          { title: '专项资金', width: 3 },
          { title: '政策依据', width: 2.4 },
          { title: '预算', align: 'right', width: 1.4 },
          { title: '已奖补', align: 'right', width: 1.4 },
          { title: '申请数', align: 'right', width: 0.8 },
        ],
        rows: s.funds.programmes.map((p) => [
          p.name,
          p.policyBasis,
          tenThousandYuan(p.budget),
          tenThousandYuan(p.awarded),
          num(p.applications),
        ]),
        empty: '暂无专项资金',
      },
    ],
  };
}

export interface EditionHeading {
  number: string;
  title: string;
  periodLabel: string;
  asOf: string;
  /** 发布日期, null for a draft (the draft is marked as such). */
  issuedOn: string | null;
}

/** The edition as a printable document: per chapter the commentary (personal data masked), charts and tables. */
export function buildWhitePaperDocument(
  edition: EditionHeading,
  snapshot: WhitePaperSnapshot,
  commentary: Partial<Record<WhitePaperChapter, string>>,
): DocumentModel {
  const figures = chapterFigures(snapshot);
  const blocks: Block[] = [];
  WHITE_PAPER_CHAPTERS.forEach((chapter, i) => {
    blocks.push({ kind: 'heading', text: `${NUMBERS[i]}、${CHAPTER_TITLES[chapter]}` });
    for (const paragraph of (commentary[chapter] ?? '')
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean))
      blocks.push({ kind: 'paragraph', text: maskPersonalData(paragraph) });
    blocks.push(...figures[chapter]);
  });
  blocks.push({
    kind: 'paragraph',
    tone: 'muted',
    text: `数据来源：穗联平台，指标数据截至 ${snapshot.asOf}，登记数据取自 ${snapshot.takenAt.slice(0, 10)}。`,
  });
  return {
    title: edition.title,
    subtitle: `${edition.number} · ${edition.periodLabel}`,
    lang: 'zh-CN',
    meta: [
      { label: '发布单位', value: '广州市工业和信息化局' },
      { label: '发布日期', value: edition.issuedOn ?? '草稿（未发布）' },
      { label: '数据截至', value: edition.asOf },
    ],
    blocks,
    footer: `${edition.number} · ${edition.title}`,
  };
}
