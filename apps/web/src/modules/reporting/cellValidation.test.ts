import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { createTestI18n } from '../../i18n/testing';
import { cellProblem, serverCellProblems } from './cellValidation';

let i18n: Awaited<ReturnType<typeof createTestI18n>>;
beforeAll(async () => {
  i18n = await createTestI18n();
});

describe('monthly form cells are refused, never changed (#12 item 4)', () => {
  it('words the broken rule in Chinese from the element type’s declared range', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(cellProblem(zh, 'percentage', '120')).toBe('请输入 0 到 100 之间的百分比（最多 2 位小数）');
    expect(cellProblem(zh, 'integer', '-3')).toBe('请输入不小于 0 的整数');
    expect(cellProblem(zh, 'number', 'abc')).toBe('请输入数字（最多 6 位小数）');
    expect(cellProblem(zh, 'integer', '12.5')).toBe('请输入不小于 0 的整数');
    expect(cellProblem(i18n.getFixedT('en-US'), 'percentage', '120')).toBe('Enter a percentage from 0 to 100 (at most 2 decimals)');
  });

  it('accepts values within the rule and empty cells (which clear the value)', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(cellProblem(zh, 'percentage', '100')).toBeNull();
    expect(cellProblem(zh, 'percentage', '0')).toBeNull();
    expect(cellProblem(zh, 'integer', '0120')).toBeNull();
    expect(cellProblem(zh, 'number', '-3.5')).toBeNull();
    expect(cellProblem(zh, 'integer', null)).toBeNull();
    expect(cellProblem(zh, 'integer', '  ')).toBeNull();
  });

  it('maps the server’s refusal back to the cells that were sent', () => {
    const zh = i18n.getFixedT('zh-CN');
    const error = new ApiError(422, 'VALIDATION_FAILED', 'values.1.value: …', 'req-1', {
      issues: [
        { field: 'values.1.value', rule: 'percentage', message: 'FIBRE_GIGABIT_COVERAGE (千兆光网覆盖率): …' },
        { field: 'values.2.value', rule: 'integer', message: 'BS5G_TOTAL (5G基站总数): …' },
      ],
    });
    expect(serverCellProblems(zh, error, ['A', 'FIBRE_GIGABIT_COVERAGE', 'BS5G_TOTAL'])).toEqual({
      FIBRE_GIGABIT_COVERAGE: '请输入 0 到 100 之间的百分比（最多 2 位小数）',
      BS5G_TOTAL: '请输入不小于 0 的整数',
    });
    expect(serverCellProblems(zh, new Error('network'), ['A'])).toEqual({});
  });
});
