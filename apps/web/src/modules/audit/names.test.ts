import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FINDING_ACTIONS, FORM_ACTIONS, PROJECT_ACTIONS, REGISTRY_KEYS, ROUND_ACTIONS } from '@suilian/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestI18n } from '../../i18n/testing';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, actionLabel, actionName, entityName } from './names';

const SERVER_SRC = resolve(__dirname, '../../../../server/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The literal `action: 'a.b'` and `entityType: 'x'` of every audit append in the server's sources. */
function literalsInServer(): { actions: string[]; entityTypes: string[] } {
  const actions = new Set<string>();
  const entityTypes = new Set<string>();
  for (const file of sources(SERVER_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(m[1] as string);
    for (const m of text.matchAll(/\bentityType: '([a-z_]+)'/g)) entityTypes.add(m[1] as string);
  }
  return { actions: [...actions].sort(), entityTypes: [...entityTypes].sort() };
}

/** The actions the server builds from a state machine's actions (template literals in the services). */
const BUILT = [
  ...PROJECT_ACTIONS.map((a) => `project.${a}`),
  ...FORM_ACTIONS.map((a) => `report.${a}`),
  ...ROUND_ACTIONS.map((a) => `selection.${a}`),
  ...FINDING_ACTIONS.map((a) => `vulnerability.finding_${a}`),
  ...REGISTRY_KEYS.flatMap((r) => ['create', 'update', 'delete', 'import', 'confirm', 'return'].map((v) => `${r}.${v}`)),
  'factory.confirm',
  'factory.return',
  'reporting.reminder.due',
  'reporting.reminder.overdue',
];

let i18n: Awaited<ReturnType<typeof createTestI18n>>;
beforeAll(async () => {
  i18n = await createTestI18n();
});

describe('audit log names (#12 items 3 and 7)', () => {
  it('names every action the server records, in Chinese, and offers each in the filter', () => {
    const { actions } = literalsInServer();
    expect(actions.length).toBeGreaterThan(80);
    const t = i18n.getFixedT('zh-CN');
    const all = [...actions, ...BUILT];
    expect(all.filter((a) => !actionName(t, a) || !/[\u4e00-\u9fff]/.test(actionName(t, a) ?? ''))).toEqual([]);
    expect(all.filter((a) => !AUDIT_ACTIONS.includes(a))).toEqual([]);
  });

  it('names every entity type the server records and offers each in the filter', () => {
    const { entityTypes } = literalsInServer();
    const t = i18n.getFixedT('zh-CN');
    const real = entityTypes.filter((e) => e !== 'test' && e !== 'thing');
    expect(real.filter((e) => !entityName(t, e))).toEqual([]);
    expect([...real, ...REGISTRY_KEYS].filter((e) => !AUDIT_ENTITY_TYPES.includes(e))).toEqual([]);
  });

  it('words listed and composed actions, and never shows an unknown code', () => {
    const zh = i18n.getFixedT('zh-CN');
    const en = i18n.getFixedT('en-US');
    expect(actionName(zh, 'report.values_save')).toBe('保存报表数据');
    expect(actionName(zh, 'patents.confirm')).toBe('确认专利');
    expect(actionName(zh, 'project.return')).toBe('退回项目');
    expect(actionName(en, 'project.return')).toBe('Return Project');
    expect(actionName(zh, 'audit.key')).toBeNull();
    expect(actionLabel(zh, 'mystery.thing_done')).toBe('其他操作');
  });
});
