import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '../i18n/zh-CN';

const ROOT = resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Rules worded by a special case in issues.ts (password rules, the role/organisation pairing). */
const SPECIAL = new Set(['role_org_kind', 'classes', 'common', 'username', 'length', 'charset', 'check_digit', 'type_digit']);

/** Every rule name the server and the contracts write into a field issue: `rule: '…'` and fieldError(code, field, '…'). */
function emittedRules(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sources(join(ROOT, 'apps/server/src')), ...sources(join(ROOT, 'packages/contracts/src'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\brule: '([a-z][a-z0-9_]*)'/g)) found.add(m[1] as string);
    for (const m of text.matchAll(/fieldError\(\s*'[A-Z_]+',\s*[^,]+,\s*'([a-z][a-z0-9_]*)'/g)) found.add(m[1] as string);
  }
  return found;
}

describe('field issue rules (#12 item 3)', () => {
  it('has a sentence for every rule the server emits, so no rule id reaches a user', () => {
    const worded = new Set(Object.keys(zhCN.issueRules));
    const rules = emittedRules();
    expect(rules.size).toBeGreaterThan(40);
    const missing = [...rules].filter((r) => !worded.has(r) && !SPECIAL.has(r)).sort();
    expect(missing).toEqual([]);
  });
});
