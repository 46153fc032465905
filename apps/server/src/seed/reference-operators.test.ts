import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOperators } from './reference-operators.js';

describe('reference operators (#12 item 7)', () => {
  it('lists the Guangzhou branches of the four licensed operators', () => {
    const names = readOperators().map((o) => o.nameZh);
    expect(names).toHaveLength(4);
    for (const brand of ['移动', '联合网络', '电信', '广电']) expect(names.some((n) => n.includes(brand) && n.includes('广州'))).toBe(true);
  });

  it('refuses a credit code that fails the GB 32100 check digit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'operators-'));
    writeFileSync(join(dir, 'operators.csv'), 'name_zh,name_en,credit_code\n某运营商,Some operator,91440101MA5CXXXX00\n');
    expect(() => readOperators(dir)).toThrow(/GB 32100/);
  });
});
