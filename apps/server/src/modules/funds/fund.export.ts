import type { FundApplicationSummary } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import { inertCell } from '../../platform/tabular/inert-cell.js';
import { FUND_STATE_NAMES } from './fund.notifications.js';

/** The applications as one sheet with the console's Chinese headers; no bank account is in a summary. */
export async function applicationsWorkbook(items: readonly FundApplicationSummary[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('专项资金申请');
  const columns: Array<[string, number]> = [
    ['申请编号', 16],
    ['专项', 30],
    ['企业', 30],
    ['所属区', 10],
    ['项目', 30],
    ['状态', 10],
    ['申请金额（元）', 16],
    ['核定金额（元）', 16],
    ['已拨付（元）', 16],
    ['公示截止', 12],
  ];
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  for (const a of items)
    ws.addRow(
      [
        a.code,
        a.programmeNameZh,
        a.enterpriseName,
        a.districtName,
        a.projectTitle,
        FUND_STATE_NAMES[a.state].zh,
        a.requestedAmount,
        a.awardedAmount ?? '',
        a.disbursedAmount,
        a.publicityEndsOn ?? '',
      ].map((cell) => inertCell(cell, 'xlsx')),
    );
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
