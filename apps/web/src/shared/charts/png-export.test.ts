import { describe, expect, it } from 'vitest';
import { captionSubtitle } from './png-export';

describe('chart PNG caption (#12 item 7)', () => {
  const words = { scope: '范围：{{scope}}', date: '导出日期：{{date}}' };
  it('names the scope and the export date', () => {
    expect(captionSubtitle('黄埔区', '2026-12-07', words)).toBe('范围：黄埔区 · 导出日期：2026-12-07');
  });
  it('keeps the date alone where there is no scope (public pages)', () => {
    expect(captionSubtitle(undefined, '2026-12-07', words)).toBe('导出日期：2026-12-07');
  });
});
