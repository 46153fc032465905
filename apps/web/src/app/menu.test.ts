import { REGISTRY_KEYS } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { allows, homePath, MENU, pagesOf, SELECTION_PERMISSIONS } from './menu';

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

describe('selections menu', () => {
  const selections = MENU.flatMap(pagesOf).find((p) => p.path === '/programme/selections');
  it('opens the rounds to any selection role, the expert pool to organisers, cases to everyone', () => {
    for (const p of SELECTION_PERMISSIONS) expect(allows([p], selections?.permission), p).toBe(true);
    expect(allows(['project:read'], selections?.permission)).toBe(false);
    const pages = MENU.flatMap(pagesOf);
    expect(pages.find((p) => p.path === '/programme/experts')?.permission).toBe('selection:manage');
    expect(pages.find((p) => p.path === '/programme/cases')?.permission).toBeUndefined();
  });
  it('sends experts to their reviews, organisers to their usual home', () => {
    expect(homePath(['org:read', 'file:upload', 'selection:review'])).toBe('/programme/selections');
    expect(homePath(['org:read', 'selection:review', 'selection:manage'])).toBe('/system/organisations');
  });
});
