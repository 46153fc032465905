import type { TemplateItem } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { chinaDay, DailyCounters } from './counters.js';
import { WindowLimiter } from './rate-limit.js';
import { attributesOf, attributeValues, itemProblem, parseTemplateRef, recordTemplateIssues, templateProblems } from './template.js';
import { TtlCache } from './ttl-cache.js';

const items: TemplateItem[] = [
  { name: 'productName', label: '产品名称', type: 'string', required: true, maxLength: 20 },
  { name: 'weightKg', label: '重量', type: 'number', required: false, min: 0, max: 1000 },
  { name: 'madeOn', label: '生产日期', type: 'date', required: true, minDate: '2020-01-01' },
  { name: 'manual', label: '说明书', type: 'url', required: false },
  { name: 'grade', label: '等级', type: 'enum', required: false, options: ['A', 'B'] },
  { name: 'batchNo', label: '批次号', type: 'string', required: false, pattern: '[A-Z]{2}\\d{4}' },
];
const template = { industryCode: 'C3831', version: 2, items };
const now = new Date('2026-11-26T00:00:00Z');

describe('templates', () => {
  it('turns attributes into index 1001 and 2000+ values', () => {
    const { values, issues } = attributeValues(template, { productName: '电缆', madeOn: '2026-06-01', grade: 'A' }, now);
    expect(issues).toEqual([]);
    expect(values.map((v) => [v.index, v.type])).toEqual([
      [1001, 'IDIS_TEMPLATE'],
      [2000, 'productName'],
      [2002, 'madeOn'],
      [2004, 'grade'],
    ]);
    expect(values[0]?.data).toEqual({ format: 'string', value: 'C3831@2' });
    expect(attributesOf(values)).toEqual({ productName: '电缆', madeOn: '2026-06-01', grade: 'A' });
  });

  it('refuses a record item by item', () => {
    const { issues } = attributeValues(
      template,
      { productName: 'x'.repeat(21), weightKg: '-1', madeOn: '2019-12-31', manual: 'ftp://x', grade: 'C', batchNo: 'ab12', colour: 'red' },
      now,
    );
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      'attributes.colour:not_in_template',
      'attributes.productName:max_length',
      'attributes.weightKg:min',
      'attributes.madeOn:min_date',
      'attributes.manual:url',
      'attributes.grade:enum',
      'attributes.batchNo:pattern',
    ]);
    expect(attributeValues(template, {}, now).issues.map((i) => i.rule)).toEqual(['required', 'required']);
  });

  it('checks raw values against the template', () => {
    const good = attributeValues(template, { productName: '电缆', madeOn: '2026-06-01' }, now).values;
    expect(recordTemplateIssues(template, good)).toEqual([]);
    const bad = [...good, { ...good[1], index: 2040, type: 'colour' } as (typeof good)[number]];
    expect(recordTemplateIssues(template, bad).map((i) => i.rule)).toEqual(['not_in_template']);
    expect(recordTemplateIssues(template, good.slice(0, 1)).map((i) => i.rule)).toEqual(['required', 'required']);
  });

  it('validates the template itself', () => {
    expect(templateProblems(items)).toEqual([]);
    const bad: TemplateItem[] = [
      { name: 'a', label: 'a', type: 'enum', required: false },
      { name: 'A', label: 'b', type: 'string', required: false, pattern: '(' },
      { name: 'n', label: 'n', type: 'number', required: false, min: 5, max: 1 },
    ];
    expect(templateProblems(bad).map((i) => `${i.field}:${i.rule}`)).toEqual([
      'items[0].options:required',
      'items[1].name:duplicate_name',
      'items[1].pattern:regex',
      'items[2].min:bounds',
    ]);
  });

  it('parses template references and dates strictly', () => {
    expect(parseTemplateRef('C3831@2')).toEqual({ industryCode: 'C3831', version: 2 });
    expect(parseTemplateRef('C3831')).toBeNull();
    expect(itemProblem(items[2] as TemplateItem, '2026-02-30')?.rule).toBe('date');
  });
});

describe('in-memory helpers', () => {
  it('expires cache entries after their TTL and evicts the least recently used', () => {
    let t = 0;
    const cache = new TtlCache<string>(2, () => t);
    cache.set('a', 'A', 10);
    cache.set('b', 'B', 60);
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C', 60);
    expect(cache.get('b')).toBeUndefined();
    t = 11_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe('C');
  });

  it('limits per client and minute', () => {
    let t = 120_000;
    const limiter = new WindowLimiter(2, () => t);
    expect([limiter.take('x'), limiter.take('x'), limiter.take('y')]).toEqual([0, 0, 0]);
    expect(limiter.take('x')).toBe(60);
    t += 60_000;
    expect(limiter.take('x')).toBe(0);
  });

  it('counts per prefix and China day', () => {
    expect(chinaDay(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
    const counters = new DailyCounters();
    counters.add('88.118.8', '2026-11-26', 'resolutions');
    counters.add('88.118.8', '2026-11-26', 'resolutions');
    counters.add('88.118.8', '2026-11-26', 'registrations', 5);
    const rows = counters.drain();
    expect(rows).toEqual([{ prefix: '88.118.8', day: '2026-11-26', registrations: 5, resolutions: 2 }]);
    expect(counters.pending).toBe(0);
    counters.restore(rows);
    expect(counters.drain()).toEqual(rows);
  });
});
