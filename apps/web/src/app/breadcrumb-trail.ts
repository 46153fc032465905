import type { MenuGroup, Page } from './menu';

/** One crumb: a menu label key, and where it leads (groups lead nowhere). */
export interface Crumb {
  label: Page['label'];
  path?: string;
}

/**
 * The crumbs of a path from the menu tree: the systems and sub-groups holding the page whose path
 * the current one starts with (the longest), then the page; `detail` tells a page below it
 * (e.g. /programme/projects/<id>). Empty when no menu page holds the path.
 */
export function breadcrumbTrail(
  pathname: string,
  menu: readonly MenuGroup[],
  extra: readonly Page[] = [],
): { crumbs: Crumb[]; detail: boolean } {
  let best: { chain: MenuGroup[]; page: Page } | null = null;
  const visit = (group: MenuGroup, chain: MenuGroup[]) => {
    for (const page of group.pages) {
      const hit = pathname === page.path || pathname.startsWith(`${page.path}/`);
      if (hit && (!best || page.path.length > best.page.path.length)) best = { chain: [...chain, group], page };
    }
    for (const sub of group.groups ?? []) visit(sub, [...chain, group]);
  };
  for (const group of menu) visit(group, []);
  for (const page of extra) {
    const hit = pathname === page.path || pathname.startsWith(`${page.path}/`);
    if (hit && (!best || page.path.length > (best as { page: Page }).page.path.length)) best = { chain: [], page };
  }
  const found = best as { chain: MenuGroup[]; page: Page } | null;
  if (!found) return { crumbs: [], detail: false };
  return {
    crumbs: [...found.chain.map((g) => ({ label: g.label })), { label: found.page.label, path: found.page.path }],
    detail: pathname !== found.page.path && pathname !== `${found.page.path}/`,
  };
}
