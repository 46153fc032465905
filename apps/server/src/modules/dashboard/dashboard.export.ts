import type { Dashboard } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import { inertCell } from '../../platform/tabular/inert-cell.js';

const GROUPS: Record<string, string> = {
  infrastructure: '基础设施',
  application: '行业应用',
  ecosystem: '产业生态',
  public_service: '公共服务',
};
const STATUSES: Record<string, string> = {
  on_track: '正常',
  at_risk: '预警',
  behind: '滞后',
  achieved: '已完成',
  no_data: '无数据',
  unallocated: '未分解',
};
/** The console's names (zh-CN) of the project states. */
const PROJECT_STATES: Record<string, string> = {
  draft: '草稿',
  submitted: '已申报',
  returned: '退回修改',
  city_review: '市级审核',
  rejected: '不予通过',
  approved: '审核通过',
  under_construction: '在建',
  built: '建成',
  accepted: '已验收',
  cancelled: '已撤销',
};
const REPORT_STATES: Record<string, string> = { open: '填报中', completed: '已提交', approved: '区级已审批', accepted: '市级已接收' };

/** The dashboard's tables as one workbook (Chinese headers, as the console shows them first). */
export async function dashboardWorkbook(d: Dashboard): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(`${d.asOf}T00:00:00Z`);
  const sheet = (name: string, columns: Array<[string, number]>, rows: unknown[][]) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row.map((cell) => inertCell(cell, 'xlsx')));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const cards = d.groups.flatMap((g) => g.indicators);
  sheet(
    '目标进度',
    [
      ['分组', 10],
      ['代码', 14],
      ['指标', 40],
      ['单位', 8],
      ['当前值', 12],
      ['目标值', 12],
      ['完成率', 10],
      ['按进度应达', 12],
      ['状态', 10],
      ['截至', 12],
    ],
    cards.map((c) => [GROUPS[c.group], c.code, c.nameZh, c.unit, c.value, c.target, c.progress, c.expected, STATUSES[c.status], d.asOf]),
  );
  const map = cards.find((c) => c.code === d.mapIndicator);
  sheet(
    '区排名',
    [
      ['排名', 8],
      ['区', 12],
      ['区划代码', 12],
      [`${map?.nameZh ?? d.mapIndicator ?? ''}（${map?.unit ?? ''}）`, 30],
      ['对全市目标的综合贡献', 22],
    ],
    [...d.districts]
      .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
      .map((x) => [x.rank, x.nameZh, x.divisionCode, x.value, x.overallProgress]),
  );
  sheet(
    '项目分布',
    [
      ['状态', 14],
      ['项目数', 10],
    ],
    [...d.pipeline.byState.map((s) => [PROJECT_STATES[s.state] ?? s.state, s.count]), ['合计', d.pipeline.total]],
  );
  if (d.reports) {
    sheet(
      '月度报送',
      [
        ['报送期', 10],
        ['状态', 14],
        ['区数', 8],
      ],
      [
        ...d.reports.byState.map((s) => [d.reports?.period, REPORT_STATES[s.state] ?? s.state, s.count]),
        [`${d.reports.from}–${d.reports.period} 完整率`, d.reports.completeness],
      ],
    );
  }
  for (const name of ['目标进度', '区排名']) {
    const ws = book.getWorksheet(name);
    ws?.getColumn(name === '目标进度' ? 7 : 5).eachCell((cell, row) => {
      if (row > 1) cell.numFmt = '0.0%';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
