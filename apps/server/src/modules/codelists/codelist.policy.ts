import { definePolicy } from '../../platform/policy/policy.js';

/**
 * Who may change code lists: holders of codelist:write (city administrators). Reading them needs
 * only a login; other modules check values against them without an actor.
 */
export const codeListPolicy = definePolicy<{ key: string }, 'write'>('code list', {
  write: { access: 'codelist:write' },
});
