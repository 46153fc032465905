import { API } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { resolveUrl } from './resolve';

describe('resolveUrl', () => {
  const base = API.resolveHandle.path.slice(0, -1);

  it('keeps the handle’s slashes as path separators and escapes the rest (Handle.Net REST API)', () => {
    expect(resolveUrl('88.118.8/X/Y')).toBe(`${base}88.118.8/X/Y`);
    expect(resolveUrl('88.118.8/a b?c#d')).toBe(`${base}88.118.8/a%20b%3Fc%23d`);
    expect(resolveUrl('88.118.8/产品-01')).toBe(`${base}88.118.8/%E4%BA%A7%E5%93%81-01`);
  });
});
