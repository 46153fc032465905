import { describe, expect, it } from 'vitest';
import { stepOf } from './findingSteps';

// Which actions are offered is the shared rule's (packages/contracts/src/rules/finding-lifecycle.test.ts).
describe('finding steps drawn by the console', () => {
  it('places the main path in order and side exits and reopening where they left it', () => {
    expect(stepOf('new')).toBe(0);
    expect(stepOf('verified_closed')).toBe(4);
    expect(stepOf('false_positive')).toBe(1);
    expect(stepOf('risk_accepted')).toBe(1);
    expect(stepOf('reopened')).toBe(0);
  });
});
