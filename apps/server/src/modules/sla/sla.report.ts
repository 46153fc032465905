import type { SlaItemResult, SlaMetric, SlaOperator, SlaResult } from '@suilian/contracts';
import type { Block, DocumentModel } from '../../platform/documents/index.js';

const METRIC_ZH: Record<SlaMetric, { label: string; unit: string }> = {
  latency_p50_ms: { label: '时延 P50', unit: 'ms' },
  latency_p95_ms: { label: '时延 P95', unit: 'ms' },
  latency_p99_ms: { label: '时延 P99', unit: 'ms' },
  jitter_ms: { label: '抖动', unit: 'ms' },
  loss_pct: { label: '丢包率', unit: '%' },
  uplink_p5_mbps: { label: '上行速率 P5', unit: 'Mbit/s' },
  uplink_p50_mbps: { label: '上行速率 P50', unit: 'Mbit/s' },
  downlink_p5_mbps: { label: '下行速率 P5', unit: 'Mbit/s' },
  downlink_p50_mbps: { label: '下行速率 P50', unit: 'Mbit/s' },
  availability_pct: { label: '可用性', unit: '%' },
  coverage_good_pct: { label: '覆盖良好及以上占比', unit: '%' },
};
const OP: Record<SlaOperator, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥' };
const CLASS_ZH: Record<string, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };
const STATE_ZH: Record<SlaResult['state'], string> = { awaiting_sign_off: '待签署', accepted: '已签署通过', rejected: '已签署不通过' };
const FORMAT_ZH: Record<string, string> = { iperf3: 'iperf3 吞吐测试', ping: 'ping 时延测试', drive_test: '路测 CSV' };

const fixed = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const at = (iso: string) => `${new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;

/** What an item demands, in words: `≤ 20 ms`, `≥ 99.99 %（生存时间 1000 ms）`. */
export function requirementText(item: Pick<SlaItemResult, 'metric' | 'op' | 'threshold' | 'survivalTimeMs'>): string {
  const { unit } = METRIC_ZH[item.metric];
  const survival = item.metric === 'availability_pct' ? `（生存时间 ${item.survivalTimeMs ?? 0} ms）` : '';
  return `${OP[item.op]} ${item.threshold} ${unit}${survival}`;
}

function evidenceText(item: SlaItemResult): string {
  const parts = [`样本 ${item.evidence.samples}`];
  if (item.evidence.outages !== undefined)
    parts.push(`中断 ${item.evidence.outages} 次，累计 ${fixed((item.evidence.downtimeMs ?? 0) / 1000, 1)} s`);
  return parts.join('；');
}

/**
 * The acceptance report of a network and month (issue #14 item 3) as one document model: the
 * items with requirement, measurement, evidence and verdict; the figures; the files by name and
 * SHA-256; and the sign-off (or the blank for it). Rendered to HTML and PDF alike (ADR 0007).
 */
export function slaReportDocument(result: SlaResult, generatedAt: Date): DocumentModel {
  const s = result.stats;
  const items: Block = {
    kind: 'table',
    columns: [
      { title: '验收项', width: 2 },
      { title: '要求', width: 2 },
      { title: '实测', align: 'right' },
      { title: '依据', width: 2 },
      { title: '结论', align: 'center' },
    ],
    rows: result.items.map((item) => [
      METRIC_ZH[item.metric].label,
      requirementText(item),
      item.measured === null ? '无数据' : `${item.measured} ${METRIC_ZH[item.metric].unit}`,
      evidenceText(item),
      { text: item.pass ? '达标' : '不达标', tone: item.pass ? 'success' : 'danger', bold: true },
    ]),
  };
  const figures: Array<{ label: string; value: string }> = [
    {
      label: '时延 P50 / P95 / P99',
      value: s.latency ? `${fixed(s.latency.p50)} / ${fixed(s.latency.p95)} / ${fixed(s.latency.p99)} ms` : '—',
    },
    {
      label: '时延均值 / 最大',
      value: s.latency ? `${fixed(s.latency.mean)} / ${fixed(s.latency.max)} ms（${s.latency.count} 个样本）` : '—',
    },
    { label: '抖动（相邻时延差均值）', value: s.jitterMs === null ? '—' : `${fixed(s.jitterMs)} ms` },
    { label: '丢包率', value: s.lossPct === null ? '—' : `${fixed(s.lossPct, 3)} %` },
    {
      label: '上行速率 P5 / P50 / P95',
      value: s.uplink ? `${fixed(s.uplink.p5, 1)} / ${fixed(s.uplink.p50, 1)} / ${fixed(s.uplink.p95, 1)} Mbit/s` : '—',
    },
    {
      label: '下行速率 P5 / P50 / P95',
      value: s.downlink ? `${fixed(s.downlink.p5, 1)} / ${fixed(s.downlink.p50, 1)} / ${fixed(s.downlink.p95, 1)} Mbit/s` : '—',
    },
  ];
  const signOff: Block[] = result.signOff
    ? [
        {
          kind: 'keyValues',
          items: [
            { label: '签署结论', value: result.signOff.decision === 'accepted' ? '验收通过' : '验收不通过' },
            { label: '签署意见', value: result.signOff.opinion },
            { label: '签署人', value: result.signOff.signedByName },
            { label: '签署时间', value: at(result.signOff.signedAt) },
          ],
        },
      ]
    : [
        {
          kind: 'paragraph',
          text: '待区级主管部门或评估机构签署。签署意见：________________　签署人：__________　日期：__________',
          tone: 'muted',
        },
      ];
  return {
    title: '5G行业虚拟专网 SLA 验收报告',
    subtitle: `${result.networkName} · ${result.period}`,
    lang: 'zh-CN',
    meta: [
      { label: '生成时间', value: at(generatedAt.toISOString()) },
      { label: '结果计算', value: `${result.computedByName} · ${at(result.computedAt)}` },
    ],
    blocks: [
      { kind: 'heading', text: '一、概况' },
      {
        kind: 'keyValues',
        items: [
          { label: '专网', value: result.networkName },
          { label: '验收期间', value: result.period },
          { label: 'SLA 模板', value: result.profile.nameZh },
          { label: '总体结论', value: result.verdict === 'pass' ? '全部验收项达标' : '存在不达标的验收项' },
          { label: '状态', value: STATE_ZH[result.state] },
        ],
      },
      { kind: 'heading', text: '二、验收项' },
      items,
      {
        kind: 'paragraph',
        text: '时延取 ping 往返时延（不低于单向时延，从严判定）；抖动为相邻时延差的绝对值均值（RFC 3550）；可用性按 3GPP TS 22.104：中断超过生存时间才计为不可用。',
        tone: 'muted',
      },
      { kind: 'heading', text: '三、测量结果' },
      { kind: 'keyValues', items: figures },
      {
        kind: 'barChart',
        title: '覆盖等级分布（SS-RSRP / SS-SINR）',
        bars: (s.coverage?.shares ?? []).map((c) => ({
          label: CLASS_ZH[c.class] ?? c.class,
          value: c.pct,
          text: `${fixed(c.pct, 1)} %（${c.count}）`,
          tone: c.class === 'poor' ? 'danger' : c.class === 'fair' ? 'warning' : 'success',
        })),
        empty: '本期无路测覆盖数据',
      },
      { kind: 'heading', text: '四、数据来源' },
      {
        kind: 'table',
        columns: [{ title: '类型' }, { title: '文件 / 来源', width: 2 }, { title: 'SHA-256', width: 3 }, { title: '样本', align: 'right' }],
        rows: result.sources.map((src) => [
          src.kind === 'telemetry' ? '探针遥测' : (FORMAT_ZH[src.format ?? ''] ?? '上传'),
          src.label,
          src.sha256 ?? '—',
          String(src.samples),
        ]),
        empty: '无',
      },
      { kind: 'heading', text: '五、签署' },
      ...signOff,
    ],
    footer: '穗联 · 广州市“5G+工业互联网”试点城市平台',
  };
}
