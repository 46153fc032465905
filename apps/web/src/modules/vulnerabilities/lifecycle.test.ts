import { describe, expect, it } from 'vitest';
import { actionsFor, stepOf } from './lifecycle';

describe('finding actions offered by the console', () => {
  it('offers an enterprise the triage actions of a new finding, not verification or risk acceptance', () => {
    expect(actionsFor('new', ['finding:update'])).toEqual(['confirm', 'mark_false_positive', 'mark_not_affected']);
  });
  it('offers verification only to holders of finding:verify', () => {
    expect(actionsFor('fixed_awaiting_verification', ['finding:update'])).toEqual([]);
    expect(actionsFor('fixed_awaiting_verification', ['finding:verify'])).toEqual(['verify', 'reject_fix']);
  });
  it('reopens closed findings and places side exits on the path', () => {
    expect(actionsFor('verified_closed', ['finding:update'])).toEqual(['reopen']);
    expect(stepOf('verified_closed')).toBe(4);
    expect(stepOf('false_positive')).toBe(1);
    expect(stepOf('reopened')).toBe(0);
  });
});
