import { REGISTRY_KEYS } from '@suilian/contracts';
import { describe, expect, it } from 'vitest';
import { allows, homePath, MENU, pagesOf, SELECTION_PERMISSIONS, WORKBENCH_PAGE } from './menu';

describe('home page (#12 item 1)', () => {
  it('is 工作台 for every role, which needs no permission and is no group page', () => {
    expect(homePath()).toBe('/workbench');
    expect(WORKBENCH_PAGE.permission).toBeUndefined();
    expect(MENU.flatMap(pagesOf).some((p) => p.path === WORKBENCH_PAGE.path)).toBe(false);
  });
});

describe('programme menu', () => {
  it('lists every ecosystem registry under 产业生态, each needing registry:read', () => {
    const programme = MENU.find((g) => g.key === 'programme');
    const ecosystem = programme?.groups?.find((g) => g.key === 'ecosystem');
    expect(ecosystem?.pages.map((p) => p.label)).toEqual([...REGISTRY_KEYS]);
    expect(new Set(ecosystem?.pages.map((p) => p.permission))).toEqual(new Set(['registry:read']));
  });
  it('shows code lists to everyone', () => {
    const codeLists = MENU.flatMap(pagesOf).find((p) => p.path === '/system/code-lists');
    expect(codeLists?.permission).toBeUndefined();
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
});
