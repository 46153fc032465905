import { describe, expect, it } from 'vitest';
import { homePath } from './menu';

describe('home page by permissions', () => {
  it('is the organisations page when the role may read them', () => {
    expect(homePath(['org:read', 'user:read', 'audit:read'])).toBe('/system/organisations');
  });
  it('falls back to another system page, then to the profile', () => {
    expect(homePath(['audit:read'])).toBe('/system/audit');
    expect(homePath([])).toBe('/profile');
  });
});
