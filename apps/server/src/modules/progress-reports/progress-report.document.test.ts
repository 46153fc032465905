import type { ProgressReportData } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { buildReportDocument, formatEstimate, formatNumber, reportTitle } from './progress-report.document.js';

const data: ProgressReportData = {
  quarter: '2026Q3',
  asOf: '2026-09-30',
  targets: [
    {
      code: 'T-INF-1',
      nameZh: '规划建设5G基站累计',
      nameEn: '5G base stations',
      group: 'infrastructure',
      unit: '个',
      value: 98765,
      target: 120000,
      progress: 0.823,
      expected: 100000.456,
      status: 'at_risk',
      forecastValue: 118000,
      forecastMethod: '按最近 12 个月的线性趋势外推',
      reachDate: null,
    },
  ],
  statusCounts: { at_risk: 1 },
  districtCodes: [],
  districts: [],
  projects: Array.from({ length: 120 }, (_, i) => ({
    code: `XM${i}`,
    title: `项目${i}`,
    enterpriseName: '企业',
    districtName: '黄埔区',
    reachedState: 'accepted',
    reachedAt: '2026-08-01T00:00:00Z',
  })),
};

describe('buildReportDocument', () => {
  const model = buildReportDocument(data, { generatedAt: '2026-10-08 10:00', generatedBy: '分析员' });

  it('has the four sections in order under the quarter title', () => {
    expect(model.title).toBe(reportTitle('2026Q3'));
    expect(model.title).toContain('2026年第3季度');
    expect(model.blocks.filter((b) => b.kind === 'heading' && b.level !== 2).map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([
      '一、总体情况',
      '二、目标进度',
      '三、分区情况',
      '四、重点项目',
    ]);
  });

  it('states each target with grouped numbers, percentage, pace colour and forecast', () => {
    const table = model.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no target table');
    expect(table.rows[0]).toEqual([
      'T-INF-1',
      '规划建设5G基站累计（个）',
      '基础设施',
      '98,765',
      '120,000',
      '82.3%',
      '100,000',
      { text: '预警', tone: 'warning' },
      '118,000',
      '—',
    ]);
  });

  it('lists at most 100 projects and says how many there were', () => {
    const projects = model.blocks.at(-1);
    if (projects?.kind !== 'table') throw new Error('no project table');
    expect(projects.rows).toHaveLength(100);
    expect(projects.caption).toBe('本季度建成或通过验收的项目（120 个，列出最近 100 个）');
  });

  it('writes missing numbers as a dash', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatEstimate(119275.04)).toBe('119,275');
    expect(formatEstimate(5.46)).toBe('5.5');
    expect(formatEstimate(null)).toBe('—');
  });
});
