import { type HandleIssue, HandlePutBodySchema, type HandleValueInput, HANDLE_RESPONSE_CODES as RC } from '@suilian/contracts';
import { HandleFailure } from './codes.js';
import { asciiUpper } from './syntax.js';

/** The secret key type: identities' keys are API tokens, managed with the tokens, never written here. */
const SECKEY_TYPE = 'HS_SECKEY';

/**
 * The values of a PUT body (an array, `{ values }` or one value), refused with the fields named
 * (details.issues): a schema problem, an HS_SECKEY value, or a `handle` other than the URL's.
 */
export function readPutValues(handle: string, body: unknown): HandleValueInput[] {
  // The branch the body's shape chooses, so a refusal names the field inside it (a union names none).
  const [asArray, asObject, asValue] = HandlePutBodySchema.options;
  const branch = Array.isArray(body) ? asArray : typeof body === 'object' && body !== null && 'values' in body ? asObject : asValue;
  const parsed = branch.safeParse(body);
  if (!parsed.success) {
    const issues: HandleIssue[] = parsed.error.issues.map((i) => {
      const { path, issue } = deepest(i, []);
      return { field: path.length ? path.join('.') : 'body', rule: issue.code, message: issue.message };
    });
    const message = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    throw new HandleFailure(RC.INVALID_VALUE, message, handle, issues);
  }
  const data = parsed.data;
  if (!Array.isArray(data) && 'values' in data && data.handle !== undefined && asciiUpper(data.handle) !== asciiUpper(handle)) {
    throw new HandleFailure(RC.INVALID_VALUE, `the body names handle ${data.handle}, the URL ${handle}`, handle, [
      { field: 'handle', rule: 'matches_url', message: 'the body’s handle must be the one in the URL' },
    ]);
  }
  const inputs = Array.isArray(data) ? data : 'values' in data ? data.values : [data];
  const position = inputs.findIndex((v) => asciiUpper(v.type) === SECKEY_TYPE);
  if (position >= 0) {
    const field = Array.isArray(data) ? `${position}.type` : 'values' in data ? `values.${position}.type` : 'type';
    throw new HandleFailure(RC.INVALID_VALUE, 'HS_SECKEY values are the API tokens of identities: create a token instead', handle, [
      { field, rule: 'secret_key_managed', message: 'secret keys are API tokens, issued in the console' },
    ]);
  }
  return inputs;
}

interface ZodLikeIssue {
  code: string;
  message: string;
  path: PropertyKey[];
  errors?: ZodLikeIssue[][];
}

/**
 * Inside a union (`data` is a string or a formatted object), the problem of the alternative that got
 * furthest into the value: `values.0.data.value.index`, not just `values.0.data`.
 */
function deepest(issue: ZodLikeIssue, base: PropertyKey[]): { path: PropertyKey[]; issue: ZodLikeIssue } {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return { path, issue };
  const candidates = issue.errors.filter((alt) => alt.length > 0).map((alt) => deepest(alt[0] as ZodLikeIssue, path));
  candidates.sort((a, b) => b.path.length - a.path.length);
  return candidates[0] ?? { path, issue };
}

/**
 * The values a PUT with `index=` names: every named index must be in the body and every body value
 * named (a mismatch is a 400, never a silent drop); `various` names the body's own indexes.
 */
export function namedValues(handle: string, inputs: readonly HandleValueInput[], indexes: readonly number[]): HandleValueInput[] {
  const inBody = new Set(inputs.map((v) => v.index));
  const missing = indexes.filter((i) => !inBody.has(i));
  const unnamed = inputs.findIndex((v) => !indexes.includes(v.index));
  if (missing.length === 0 && unnamed < 0) return [...inputs];
  const issues: HandleIssue[] = [
    ...missing.map((i) => ({ field: 'index', rule: 'in_body', message: `index=${i} names no value of the body` })),
    ...inputs
      .map((v, at) => ({ v, at }))
      .filter(({ v }) => !indexes.includes(v.index))
      .map(({ v, at }) => ({ field: `values.${at}.index`, rule: 'named_by_index', message: `value ${v.index} is not named by index=` })),
  ];
  throw new HandleFailure(RC.INVALID_VALUE, issues.map((i) => i.message).join('; '), handle, issues);
}
