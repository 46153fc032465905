import {
  DEFAULT_VALUE_PERMISSIONS,
  DEFAULT_VALUE_TTL,
  FIRST_ATTRIBUTE_INDEX,
  type HandleIssue,
  TEMPLATE_VERSION_INDEX,
  TEMPLATE_VERSION_TYPE,
  type TemplateItem,
} from '@suilian/contracts';
import { asciiUpper } from './syntax.js';
import { isoSeconds, type StoredValue } from './values.js';

/**
 * IDIS-style metadata templates: a record names its template at index 1001 as
 * `<industryCode>@<version>`; its attributes sit at indexes 2000+ with the item name as type.
 */
export interface TemplateRef {
  industryCode: string;
  version: number;
}

export interface TemplateLike extends TemplateRef {
  items: readonly TemplateItem[];
}

export function formatTemplateRef(ref: TemplateRef): string {
  return `${ref.industryCode}@${ref.version}`;
}

export function parseTemplateRef(value: string): TemplateRef | null {
  const m = /^([A-T]\d{2,4})@(\d{1,6})$/.exec(value);
  return m ? { industryCode: m[1] as string, version: Number(m[2]) } : null;
}

/** Problems in a template definition itself (duplicate names, enum without options, bad bounds or pattern). */
export function templateProblems(items: readonly TemplateItem[]): HandleIssue[] {
  const issues: HandleIssue[] = [];
  const names = new Map<string, number>();
  items.forEach((item, i) => {
    const at = `items[${i}]`;
    const key = asciiUpper(item.name);
    if (names.has(key))
      issues.push({ field: `${at}.name`, rule: 'duplicate_name', message: `"${item.name}" is already item ${names.get(key)}` });
    names.set(key, i);
    if (item.type === 'enum' && !item.options?.length)
      issues.push({ field: `${at}.options`, rule: 'required', message: 'an enum item needs options' });
    if (item.type !== 'enum' && item.options)
      issues.push({ field: `${at}.options`, rule: 'not_enum', message: 'options belong to enum items only' });
    if (item.minLength !== undefined && item.maxLength !== undefined && item.minLength > item.maxLength) {
      issues.push({ field: `${at}.minLength`, rule: 'bounds', message: 'minLength is greater than maxLength' });
    }
    if (item.min !== undefined && item.max !== undefined && item.min > item.max)
      issues.push({ field: `${at}.min`, rule: 'bounds', message: 'min is greater than max' });
    if (item.minDate && item.maxDate && item.minDate > item.maxDate)
      issues.push({ field: `${at}.minDate`, rule: 'bounds', message: 'minDate is after maxDate' });
    if (item.pattern !== undefined) {
      if (item.type !== 'string')
        issues.push({ field: `${at}.pattern`, rule: 'not_string', message: 'a pattern applies to string items only' });
      else if (!compiles(item.pattern))
        issues.push({ field: `${at}.pattern`, rule: 'regex', message: 'the pattern is not a valid regular expression' });
    }
  });
  return issues;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with one attribute: the rule, English for logs, and the numbers the console words it with. */
export interface ItemProblem {
  rule: string;
  message: string;
  params?: Record<string, string | number>;
}

const NUMBER = /^-?\d{1,15}(?:\.\d{1,10})?$/;

/** Why `raw` breaks `item`, or null. */
export function itemProblem(item: TemplateItem, raw: string): ItemProblem | null {
  const value = raw.trim();
  if (value === '') return item.required ? { rule: 'required', message: `${item.label} (${item.name}) is required` } : null;
  switch (item.type) {
    case 'string': {
      const length = [...value].length;
      if (item.minLength !== undefined && length < item.minLength)
        return { rule: 'min_length', message: `at least ${item.minLength} characters`, params: { min: item.minLength } };
      if (item.maxLength !== undefined && length > item.maxLength)
        return { rule: 'max_length', message: `at most ${item.maxLength} characters`, params: { max: item.maxLength } };
      if (item.pattern !== undefined && !new RegExp(`^(?:${item.pattern})$`, 'u').test(value)) {
        return { rule: 'pattern', message: `does not match ${item.pattern}`, params: { pattern: item.pattern } };
      }
      return null;
    }
    case 'number': {
      if (!NUMBER.test(value)) return { rule: 'number', message: 'a decimal number such as 12 or -3.5' };
      const n = Number(value);
      if (item.min !== undefined && n < item.min) return { rule: 'min', message: `at least ${item.min}`, params: { min: item.min } };
      if (item.max !== undefined && n > item.max) return { rule: 'max', message: `at most ${item.max}`, params: { max: item.max } };
      return null;
    }
    case 'date': {
      if (!isIsoDate(value)) return { rule: 'date', message: 'a calendar date as YYYY-MM-DD' };
      if (item.minDate && value < item.minDate)
        return { rule: 'min_date', message: `not before ${item.minDate}`, params: { min: item.minDate } };
      if (item.maxDate && value > item.maxDate)
        return { rule: 'max_date', message: `not after ${item.maxDate}`, params: { max: item.maxDate } };
      return null;
    }
    case 'url': {
      if (!isWebUrl(value)) return { rule: 'url', message: 'an http:// or https:// address' };
      if (item.maxLength !== undefined && value.length > item.maxLength)
        return { rule: 'max_length', message: `at most ${item.maxLength} characters`, params: { max: item.maxLength } };
      return null;
    }
    case 'enum':
      return item.options?.includes(value)
        ? null
        : { rule: 'enum', message: `one of ${(item.options ?? []).join(', ')}`, params: { allowed: (item.options ?? []).join('、') } };
  }
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Values for a template's attributes: index 1001 names the template, then one string value per
 * filled item at 2000 + item position. Every broken item is reported (not only the first).
 */
export function attributeValues(
  template: TemplateLike,
  attributes: Readonly<Record<string, string | number>>,
  now: Date,
): { values: StoredValue[]; issues: HandleIssue[] } {
  const issues: HandleIssue[] = [];
  const known = new Set(template.items.map((i) => i.name));
  for (const name of Object.keys(attributes)) {
    if (!known.has(name))
      issues.push({
        field: `attributes.${name}`,
        rule: 'not_in_template',
        message: `${formatTemplateRef(template)} has no item "${name}"`,
      });
  }
  const timestamp = isoSeconds(now);
  const values: StoredValue[] = [templateVersionValue(template, timestamp)];
  template.items.forEach((item, position) => {
    const raw = attributes[item.name];
    const text = raw === undefined ? '' : String(raw).trim();
    const problem = itemProblem(item, text);
    if (problem) issues.push({ field: `attributes.${item.name}`, label: item.label, ...problem });
    else if (text !== '') values.push(stringValue(FIRST_ATTRIBUTE_INDEX + position, item.name, text, timestamp));
  });
  return { values, issues };
}

/**
 * Checks a record given as raw values (Handle PUT) against its template: every item by the value
 * whose type is its name at index ≥ 2000, and no attribute outside the template.
 */
export function recordTemplateIssues(template: TemplateLike, values: readonly StoredValue[]): HandleIssue[] {
  const issues: HandleIssue[] = [];
  const attributes = values.filter((v) => v.index >= FIRST_ATTRIBUTE_INDEX);
  const byType = new Map<string, StoredValue>();
  for (const v of attributes) {
    if (byType.has(v.type))
      issues.push({ field: `values[index=${v.index}]`, rule: 'duplicate_item', message: `"${v.type}" appears twice` });
    byType.set(v.type, v);
  }
  const known = new Set(template.items.map((i) => i.name));
  for (const v of attributes) {
    if (!known.has(v.type))
      issues.push({
        field: `values[index=${v.index}].type`,
        rule: 'not_in_template',
        message: `${formatTemplateRef(template)} has no item "${v.type}"`,
      });
  }
  for (const item of template.items) {
    const v = byType.get(item.name);
    if (v && v.data.format !== 'string') {
      issues.push({ field: `values[index=${v.index}].data`, rule: 'string_format', message: 'template attributes are string values' });
      continue;
    }
    const problem = itemProblem(item, v && v.data.format === 'string' ? v.data.value : '');
    if (problem) issues.push({ field: `attributes.${item.name}`, label: item.label, ...problem });
  }
  return issues;
}

/** Attributes by item name, read back from a record's values. */
export function attributesOf(values: readonly StoredValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) if (v.index >= FIRST_ATTRIBUTE_INDEX && v.data.format === 'string') out[v.type] = v.data.value;
  return out;
}

export function templateRefOf(values: readonly StoredValue[]): TemplateRef | null {
  const v = values.find((x) => x.index === TEMPLATE_VERSION_INDEX);
  return v && v.data.format === 'string' ? parseTemplateRef(v.data.value) : null;
}

function templateVersionValue(ref: TemplateRef, timestamp: string): StoredValue {
  return stringValue(TEMPLATE_VERSION_INDEX, TEMPLATE_VERSION_TYPE, formatTemplateRef(ref), timestamp);
}

export function stringValue(index: number, type: string, value: string, timestamp: string): StoredValue {
  return { index, type, data: { format: 'string', value }, ttl: DEFAULT_VALUE_TTL, timestamp, permissions: DEFAULT_VALUE_PERMISSIONS };
}
