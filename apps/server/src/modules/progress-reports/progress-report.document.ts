import type { IndicatorStatus, ProgressReportData } from '@suilian/contracts';
import type { Block, Cell, DocumentModel, Tone } from '../../platform/documents/index.js';
import { quarterLabel } from './quarter.js';

const GROUPS: Record<string, string> = {
  infrastructure: '基础设施',
  application: '行业应用',
  ecosystem: '产业生态',
  public_service: '公共服务',
};
const STATUS: Record<IndicatorStatus, { label: string; tone: Tone }> = {
  achieved: { label: '已完成', tone: 'success' },
  on_track: { label: '正常', tone: 'success' },
  at_risk: { label: '预警', tone: 'warning' },
  behind: { label: '滞后', tone: 'danger' },
  no_data: { label: '无数据', tone: 'muted' },
  // A district without an allocation of the target (目标分解, issue #12 item 5): not judged.
  unallocated: { label: '未分解', tone: 'muted' },
};
const PROJECT_STATES: Record<string, string> = { built: '建成', accepted: '已验收' };
/** More rows than this would make the report a register, not a summary. */
const MAX_PROJECTS = 100;

/** The report's title, used for the list, the HTML page and the PDF metadata. */
export function reportTitle(quarter: string): string {
  return `广州市"5G+工业互联网"融合应用试点城市${quarterLabel(quarter).zh}进展报告`;
}

/** Numbers grouped the Chinese way (12,345; 2 decimals at most). */
export function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/**
 * A path or trend value of a counted target (stations, projects, people): whole numbers, one
 * decimal below 100 — 119,275.04 base stations would be false precision.
 */
export function formatEstimate(value: number | null): string {
  if (value === null) return '—';
  return value.toLocaleString('zh-CN', { maximumFractionDigits: Math.abs(value) < 100 ? 1 : 0 });
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function statusCell(status: IndicatorStatus): Cell {
  const s = STATUS[status];
  return { text: s.label, tone: s.tone };
}

/** The quarterly progress report as a printable document (the core of the plan's white paper). */
export function buildReportDocument(data: ProgressReportData, meta: { generatedAt: string; generatedBy: string }): DocumentModel {
  const count = (s: IndicatorStatus) => data.statusCounts[s] ?? 0;
  const names = new Map(data.targets.map((t) => [t.code, t]));
  const methods = [...new Set(data.targets.map((t) => t.forecastMethod).filter(Boolean))];
  const blocks: Block[] = [
    { kind: 'heading', text: '一、总体情况' },
    {
      kind: 'paragraph',
      text:
        `截至 ${data.asOf}，试点城市实施方案的 ${data.targets.length} 项目标中，已完成 ${count('achieved')} 项，` +
        `进度正常 ${count('on_track')} 项，预警 ${count('at_risk')} 项，滞后 ${count('behind')} 项，暂无数据 ${count('no_data')} 项。` +
        `本季度新建成或通过验收的"5G+工业互联网"项目 ${data.projects.length} 个。`,
    },
    { kind: 'heading', text: '二、目标进度' },
    {
      kind: 'table',
      columns: [
        { title: '编号', width: 1.15 },
        { title: '指标', width: 3 },
        { title: '维度', width: 1.25 },
        { title: '当前值', align: 'right', width: 1.2 },
        { title: '目标值', align: 'right', width: 1.1 },
        { title: '完成率', align: 'right', width: 1 },
        { title: '应达值', align: 'right', width: 1.1 },
        { title: '进度', align: 'center', width: 0.9 },
        { title: '2027年底预测', align: 'right', width: 1.3 },
        { title: '预计达标日期', align: 'center', width: 1.4 },
      ],
      rows: data.targets.map((t) => [
        t.code,
        `${t.nameZh}（${t.unit}）`,
        GROUPS[t.group] ?? t.group,
        formatNumber(t.value),
        formatNumber(t.target),
        percent(t.progress),
        formatEstimate(t.expected),
        statusCell(t.status),
        formatEstimate(t.forecastValue),
        t.reachDate ?? '—',
      ]),
    },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: `说明：应达值为按阶段目标路径在 ${data.asOf} 应达到的数值；预测方法：${methods.join('；') || '—'}`,
    },
    { kind: 'heading', text: '三、分区情况' },
  ];
  if (data.districtCodes.length === 0) blocks.push({ kind: 'paragraph', text: '暂无按区统计的指标数据。', tone: 'muted' });
  else {
    for (const d of data.districts) {
      blocks.push({ kind: 'heading', level: 2, text: d.name });
      blocks.push({
        kind: 'table',
        columns: [
          { title: '指标', width: 3.4 },
          { title: '当前值', align: 'right' },
          { title: '应达值', align: 'right' },
          { title: '完成率（占全市目标）', align: 'right', width: 1.4 },
          { title: '进度', align: 'center', width: 0.8 },
        ],
        rows: d.indicators.map((i) => [
          `${i.code} ${names.get(i.code)?.nameZh ?? ''}`,
          formatNumber(i.value),
          formatEstimate(i.expected),
          percent(i.progress),
          statusCell(i.status),
        ]),
      });
    }
  }
  blocks.push({ kind: 'heading', text: '四、重点项目' });
  blocks.push({
    kind: 'table',
    caption: `本季度建成或通过验收的项目（${data.projects.length} 个${data.projects.length > MAX_PROJECTS ? `，列出最近 ${MAX_PROJECTS} 个` : ''}）`,
    columns: [
      { title: '项目编号', width: 1.4 },
      { title: '项目名称', width: 3.2 },
      { title: '企业', width: 2.4 },
      { title: '所在区', width: 1 },
      { title: '节点', align: 'center', width: 0.8 },
      { title: '日期', align: 'center', width: 1.1 },
    ],
    rows: data.projects
      .slice(0, MAX_PROJECTS)
      .map((p) => [
        p.code,
        p.title,
        p.enterpriseName,
        p.districtName,
        PROJECT_STATES[p.reachedState] ?? p.reachedState,
        p.reachedAt.slice(0, 10),
      ]),
    empty: '本季度暂无建成或通过验收的项目',
  });
  return {
    title: reportTitle(data.quarter),
    subtitle: `季度进展报告 · ${quarterLabel(data.quarter).zh} · 数据截至 ${data.asOf}`,
    lang: 'zh-CN',
    meta: [
      { label: '生成时间', value: meta.generatedAt },
      { label: '生成人', value: meta.generatedBy },
      { label: '来源', value: '穗联平台（指标体系与定期报送）' },
    ],
    blocks,
    footer: `穗联平台 · ${reportTitle(data.quarter)}`,
  };
}
