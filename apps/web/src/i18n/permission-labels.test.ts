import { PERMISSIONS } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import enUS from './en-US';
import zhCN from './zh-CN';

describe('permission labels (#12 item 3: 个人中心 shows names, not report:read)', () => {
  it.each([
    ['zh-CN', zhCN.permissions],
    ['en-US', enUS.permissions],
  ])('%s words every permission', (_locale, labels) => {
    expect(PERMISSIONS.filter((p) => !labels[p])).toEqual([]);
  });
});
