import type { BatchValidationResult } from '@suilian/contracts';
import type { TableSpec } from '../../../platform/tabular/spec.js';
import { writeWorkbook } from '../../../platform/tabular/workbook.js';

const IMPORTANCE = { high: '高', medium: '中', low: '低' } as const;
const OPERATORS: Record<string, string> = {
  equal_to: '==',
  not_equal_to: '!=',
  greater_than: '>',
  greater_than_or_equal_to: '>=',
  less_than: '<',
  less_than_or_equal_to: '<=',
  compulsory_pair: '必须成对',
  exclusive_pair: '互斥',
};

const SPEC: TableSpec = {
  sheet: '校验结果',
  columns: [
    { header: '规则代码', key: 'rule', width: 22 },
    { header: '规则名称', key: 'name', width: 30 },
    { header: '重要性', key: 'importance', width: 8 },
    { header: '区', key: 'orgUnit', width: 10 },
    { header: '期间', key: 'period', width: 10 },
    { header: '左值', key: 'left', width: 12 },
    { header: '运算符', key: 'operator', width: 10 },
    { header: '右值', key: 'right', width: 12 },
    { header: '说明', key: 'message', width: 80 },
  ],
  rules: [],
};

/** Batch validation violations as an .xlsx, one row per rule × district × period that failed. */
export async function writeViolations(result: BatchValidationResult): Promise<Buffer> {
  const spec = {
    ...SPEC,
    rules: [
      `数据集 ${result.dataSet}，期间 ${result.periods[0] ?? ''} 至 ${result.periods.at(-1) ?? ''}，${result.orgUnits} 个区，${result.rules} 条规则，违反 ${result.violations.length} 处。`,
    ],
  };
  return writeWorkbook(
    spec,
    result.violations.map((v) => ({
      rule: v.rule,
      name: v.ruleNameZh,
      importance: IMPORTANCE[v.importance],
      orgUnit: v.orgUnitName,
      period: v.period,
      left: v.left === null ? '' : String(v.left),
      operator: OPERATORS[v.operator] ?? v.operator,
      right: v.right === null ? '' : String(v.right),
      message: v.message,
    })),
  );
}
