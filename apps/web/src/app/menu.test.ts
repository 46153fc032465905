import { REGISTRY_KEYS } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { homePath, MENU, pagesOf } from './menu';

describe('home page by permissions', () => {
  it('is the organisations page when the role may read them', () => {
    expect(homePath(['org:read', 'user:read', 'audit:read'])).toBe('/system/organisations');
  });
  it('falls back to another system page, then to the profile', () => {
    expect(homePath(['audit:read'])).toBe('/system/audit');
    expect(homePath([])).toBe('/profile');
  });
});

describe('programme menu', () => {
  it('lists every ecosystem registry under 产业生态, each needing registry:read', () => {
    const programme = MENU.find((g) => g.key === 'programme');
    const ecosystem = programme?.groups?.find((g) => g.key === 'ecosystem');
    expect(ecosystem?.pages.map((p) => p.label)).toEqual([...REGISTRY_KEYS]);
    expect(new Set(ecosystem?.pages.map((p) => p.permission))).toEqual(new Set(['registry:read']));
  });
  it('shows code lists to everyone and includes sub-group pages in the home search', () => {
    const codeLists = MENU.flatMap(pagesOf).find((p) => p.path === '/system/code-lists');
    expect(codeLists?.permission).toBeUndefined();
    expect(homePath(['project:read'])).toBe('/programme/projects');
  });
});
