import { describe, expect, it } from 'vitest';
import { PROJECT_STATES, type ProjectState } from '../projects.js';
import { ROLES } from '../roles.js';
import { PROJECT_PROGRESS_FIELDS, projectEditMode, projectEditRefusal } from './project-editing.js';

describe('project edit modes', () => {
  it('gives the full form for drafts and returned projects, progress updates after approval', () => {
    expect(projectEditMode('draft', 'enterprise_user')).toBe('full');
    expect(projectEditMode('returned', 'district_officer')).toBe('full');
    expect(projectEditMode('submitted', 'enterprise_user')).toBeNull();
    expect(projectEditMode('city_review', 'district_officer')).toBeNull();
    expect(projectEditMode('under_construction', 'enterprise_user')).toBe('progress');
    expect(projectEditMode('built', 'city_admin')).toBe('progress');
  });

  it('lets the city administrator edit every open project fully, and nobody a closed one', () => {
    const open: ProjectState[] = ['draft', 'submitted', 'returned', 'city_review', 'approved', 'under_construction'];
    for (const state of open) expect(projectEditMode(state, 'city_admin'), state).toBe('full');
    for (const state of ['accepted', 'rejected', 'cancelled'] as const)
      for (const role of ROLES) expect(projectEditMode(state, role), `${state} ${role}`).toBeNull();
  });

  it('refuses exactly what the mode does not allow, naming the fields', () => {
    expect(projectEditRefusal('draft', 'enterprise_user', ['version', 'title'])).toBeNull();
    expect(projectEditRefusal('approved', 'enterprise_user', ['version', ...PROJECT_PROGRESS_FIELDS])).toBeNull();
    expect(projectEditRefusal('approved', 'enterprise_user', ['version', 'actualStart', 'title', 'description'])).toBe(
      'a approved project only takes progress updates (filingId, actualStart, actualEnd, attachments, investmentTotal, investment5g); not title, description',
    );
    expect(projectEditRefusal('submitted', 'enterprise_user', ['version', 'filingId'])).toBe('a submitted project cannot be edited');
    for (const state of PROJECT_STATES)
      for (const role of ROLES) {
        const refused = projectEditRefusal(state, role, ['version', 'filingId']) !== null;
        expect(refused, `${state} ${role}`).toBe(projectEditMode(state, role) === null);
      }
  });
});
