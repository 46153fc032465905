import { describe, expect, it } from 'vitest';
import { breadcrumbTrail } from './breadcrumb-trail';
import { MENU, PROFILE_PAGE } from './menu';

describe('breadcrumbs from the menu tree (#12 item 7)', () => {
  it('names the system and the page of a list', () => {
    expect(breadcrumbTrail('/security/findings', MENU)).toEqual({
      crumbs: [{ label: 'security' }, { label: 'vulnFindings', path: '/security/findings' }],
      detail: false,
    });
  });

  it('adds the sub-group and marks a detail page below a list', () => {
    const trail = breadcrumbTrail('/programme/ecosystem/patents', MENU);
    expect(trail.crumbs.map((c) => c.label)).toEqual(['programme', 'ecosystem', 'patents']);
    expect(breadcrumbTrail('/programme/projects/0b5d', MENU)).toMatchObject({ detail: true });
  });

  it('prefers the longest page path (targets is not the cockpit)', () => {
    expect(breadcrumbTrail('/dashboard/targets', MENU).crumbs.at(-1)?.label).toBe('targets');
  });

  it('knows pages outside the menu groups, and nothing for unknown paths', () => {
    expect(breadcrumbTrail('/profile', MENU, [PROFILE_PAGE]).crumbs).toEqual([{ label: 'profile', path: '/profile' }]);
    expect(breadcrumbTrail('/nowhere', MENU).crumbs).toEqual([]);
  });
});
