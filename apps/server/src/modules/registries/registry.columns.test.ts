import { REGISTRY_DATA_SCHEMAS, REGISTRY_KEYS, REGISTRY_KIND_FIELD } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { registryFields, registryInput, registrySpec } from './registry.columns.js';

const noPlatforms = { byId: new Map(), byTitle: new Map() };

describe('registry sheets', () => {
  it.each(REGISTRY_KEYS)('%s: a column per schema field, unique headers, every choice labelled', (key) => {
    const spec = registrySpec(key);
    const headers = spec.columns.map((c) => c.header);
    expect(new Set(headers).size).toBe(headers.length);
    const shape = Object.keys((REGISTRY_DATA_SCHEMAS[key] as unknown as { shape: object }).shape);
    expect(registryFields(key).map((f) => f.key)).toEqual(shape);
    for (const f of registryFields(key).filter((x) => x.type === 'choice')) {
      // each value reads back from its own label
      for (const option of f.options ?? []) expect(f.lookup?.resolve(f.lookup.nameOf(option))).toBe(option);
      expect(f.lookup?.names.every((n) => /[\u4e00-\u9fa5]|^[A-Z0-9+]+$/i.test(n))).toBe(true);
    }
    const kind = REGISTRY_KIND_FIELD[key];
    if (kind) expect(spec.columns.find((c) => c.key === `data.${kind}`)?.choices?.length).toBeGreaterThan(0);
  });

  it('reads values by Chinese label, code or alias, and names the rule of a bad cell', () => {
    const read = (cells: Record<string, string>) => registryInput('patents', cells, noPlatforms);
    expect(read({ 'data.kind': '发明专利' }).input.data).toEqual({ kind: 'invention' });
    expect(read({ 'data.kind': 'design' }).input.data).toEqual({ kind: 'design' });
    expect(read({ 'data.kind': '实用新型专利' }).input.data).toEqual({ kind: 'utility_model' });
    expect(read({ 'data.kind': '商标' }).problems).toEqual([
      expect.objectContaining({ column: '专利类型', rule: 'choice', message: expect.stringContaining('发明专利、实用新型、外观设计') }),
    ]);
    expect(read({ 'data.number': 'ZL 2017 1 0601862.3' }).input.data).toEqual({ number: '201710601862.3' });
    expect(read({ 'data.number': '201710601862.4' }).problems).toEqual([
      expect.objectContaining({ column: '专利号（申请号）', rule: 'patent_number', message: expect.stringContaining('check digit') }),
    ]);
    expect(registryInput('pilot-projects', { 'data.year': '2024年' }, noPlatforms).input.data).toEqual({ year: 2024 });
    expect(registryInput('events', { 'data.attendance': '三百' }, noPlatforms).problems[0]).toMatchObject({ rule: 'integer' });
  });

  it('reads trainees one per line as 姓名|单位|是否结业', () => {
    const read = (cell: string) => registryInput('trainings', { 'data.trainees': cell }, noPlatforms);
    expect(read('张三|广州某某公司|是\n李四||否；王五').input.data).toEqual({
      trainees: [
        { name: '张三', organisation: '广州某某公司', completed: true },
        { name: '李四', completed: false },
        { name: '王五', completed: false },
      ],
    });
    expect(read('').input.data).toEqual({ trainees: [] });
    expect(read('张三|甲公司|也许\n|乙公司|是').problems.map((p) => [p.column, p.rule, p.message.slice(0, 6)])).toEqual([
      ['学员名单', 'trainee', 'line 1'],
      ['学员名单', 'trainee', 'line 2'],
    ]);
  });

  it('finds a test platform by title or id and says when a title is ambiguous', () => {
    const platforms = {
      byId: new Map([['p1', 'p1']]),
      byTitle: new Map([
        ['中试平台甲', ['p1']],
        ['同名平台', ['p2', 'p3']],
      ]),
    };
    const read = (v: string) => registryInput('test-records', { 'data.platformId': v }, platforms);
    expect(read('中试平台甲').input.data).toEqual({ platformId: 'p1' });
    expect(read('p1').input.data).toEqual({ platformId: 'p1' });
    expect(read('同名平台').problems[0]).toMatchObject({ column: '中试平台', rule: 'ambiguous' });
    expect(read('没有的平台').problems[0]).toMatchObject({ column: '中试平台', rule: 'exists' });
  });
});
