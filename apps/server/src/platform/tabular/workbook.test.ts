import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bindColumns, readTable } from './read.js';
import type { TableSpec } from './spec.js';
import { CODE_SHEET, columnLetter, HELP_SHEET, writeWorkbook } from './workbook.js';

const SPEC: TableSpec = {
  sheet: '企业信息',
  rules: ['每行一家企业。'],
  columns: [
    { header: '企业名称', key: 'name', required: true, note: '营业执照上的名称' },
    { header: '所在区', key: 'district', required: true, choices: ['天河区', '黄埔区'] },
    { header: '产业集群', key: 'cluster', choices: ['新型显示', '集成电路', '生物医药'] },
    { header: '应用场景', key: 'scenarios', choices: ['协同研发设计', '远程设备操控'], freeText: true },
    { header: '成立日期', key: 'founded', type: 'date' },
    { header: '总投资（万元）', key: 'investment', type: 'money' },
  ],
};

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };

describe('template and export workbooks', () => {
  it('has drop-downs fed from a hidden code sheet, and a sheet of rules', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(SPEC)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['企业信息', 'visible'],
      [HELP_SHEET, 'visible'],
      [CODE_SHEET, 'hidden'],
    ]);
    const data = wb.getWorksheet('企业信息') as ExcelJS.Worksheet;
    expect(data.getRow(1).values).toEqual([undefined, '企业名称', '所在区', '产业集群', '应用场景', '成立日期', '总投资（万元）']);
    const validations = (data as unknown as { dataValidations: Validations }).dataValidations.model;
    expect(validations.B2).toMatchObject({
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      formulae: [`'${CODE_SHEET}'!$A$2:$A$3`],
    });
    expect(validations.B10001).toEqual(validations.B2);
    expect(validations.C2).toMatchObject({ type: 'list', formulae: [`'${CODE_SHEET}'!$B$2:$B$4`] });
    // several scenarios go in one cell: the drop-down helps but does not refuse other text
    expect(validations.D2?.showErrorMessage).toBeFalsy();
    expect(validations.A2).toBeUndefined();
    const codes = wb.getWorksheet(CODE_SHEET) as ExcelJS.Worksheet;
    expect(codes.getColumn(1).values.slice(1)).toEqual(['所在区', '天河区', '黄埔区']);
    expect(codes.getColumn(2).values.slice(1)).toEqual(['产业集群', '新型显示', '集成电路', '生物医药']);
    const help = wb.getWorksheet(HELP_SHEET) as ExcelJS.Worksheet;
    const helpText = help.getSheetValues().flat().join(' ');
    expect(helpText).toContain('每行一家企业。');
    expect(helpText).toContain('营业执照上的名称');
    expect(data.getCell('A1').note).toContain('必填');
  });

  it('reads its own export back to the same cells', async () => {
    const rows = [
      {
        name: '广州黄埔显示面板有限公司',
        district: '黄埔区',
        cluster: '新型显示',
        scenarios: '协同研发设计；远程设备操控',
        founded: '2024-03-05',
        investment: '1200.50',
      },
      { name: '天河软件', district: '天河区', cluster: '', scenarios: '', founded: '', investment: '' },
    ];
    const table = await readTable('导出.xlsx', await writeWorkbook(SPEC, rows), { maxRows: 10, sheet: '企业信息' });
    expect(bindColumns(table, SPEC)).toEqual([
      { row: 2, cells: { ...rows[0], investment: '1200.5' } },
      { row: 3, cells: rows[1] },
    ]);
  });

  it('names columns like Excel', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
