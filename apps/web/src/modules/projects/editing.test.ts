import { describe, expect, it } from 'vitest';
import { actionNeeds, editMode } from './editing';

describe('project editing in the console', () => {
  it('offers the full form for drafts and returned projects, progress updates after approval', () => {
    expect(editMode({ state: 'draft' }, 'enterprise_user', true)).toBe('full');
    expect(editMode({ state: 'returned' }, 'enterprise_user', true)).toBe('full');
    expect(editMode({ state: 'submitted' }, 'enterprise_user', true)).toBeNull();
    expect(editMode({ state: 'city_review' }, 'city_admin', true)).toBe('full');
    expect(editMode({ state: 'under_construction' }, 'enterprise_user', true)).toBe('progress');
    expect(editMode({ state: 'accepted' }, 'city_admin', true)).toBeNull();
    expect(editMode({ state: 'draft' }, 'provider_user', false)).toBeNull();
  });
  it('asks for a comment where the lifecycle needs one, and a date for construction milestones', () => {
    expect(actionNeeds('return', 'submitted')).toEqual({ comment: 'required', date: false });
    expect(actionNeeds('reject', 'city_review').comment).toBe('required');
    expect(actionNeeds('cancel', 'draft').comment).toBe('optional');
    expect(actionNeeds('cancel', 'approved').comment).toBe('required');
    expect(actionNeeds('forward', 'submitted')).toEqual({ comment: 'optional', date: false });
    expect(actionNeeds('start_construction', 'approved').date).toBe(true);
    expect(actionNeeds('complete', 'under_construction').date).toBe(true);
  });
});
