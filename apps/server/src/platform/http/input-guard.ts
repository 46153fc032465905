import type { FieldIssue } from '@suilian/contracts';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../errors.js';

/**
 * The edge check on text (issue #11 item 2): PostgreSQL cannot store a NUL character (it answered
 * 500 for `?q=%00`), and an unpaired UTF-16 surrogate is not text at all (the driver silently
 * turns it into U+FFFD). Both are refused before validation with 400 naming the field, so no
 * handler, query or stored record ever sees them.
 */

/** Why a string is refused, or null when it is well-formed text without NUL. */
export function textProblem(text: string): 'nul_character' | 'unpaired_surrogate' | null {
  if (text.includes('\u0000')) return 'nul_character';
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) return 'unpaired_surrogate';
  return null;
}

/** Deeper than this, a JSON body is refused (no form of the API nests anywhere near it). */
export const MAX_INPUT_DEPTH = 64;

const MESSAGES: Record<NonNullable<ReturnType<typeof textProblem>> | 'max_depth', string> = {
  nul_character: 'contains a NUL character (\\u0000), which no field accepts',
  unpaired_surrogate: 'contains an unpaired UTF-16 surrogate, which is not valid text',
  max_depth: `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
};

/** The first problem found in a value's strings and keys, with the dotted path of its field. */
export function findBadInput(value: unknown, path: string): FieldIssue | null {
  if (typeof value === 'string') {
    const rule = textProblem(value);
    return rule ? { field: path, rule, message: MESSAGES[rule] } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  // Iterative, so a hostile nesting cannot exhaust the stack.
  const pending: { value: object; path: string; depth: number }[] = [{ value, path, depth: 1 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (item.depth > MAX_INPUT_DEPTH) return { field: item.path, rule: 'max_depth', message: MESSAGES.max_depth };
    for (const key of Object.keys(item.value)) {
      const at = `${item.path}.${key}`;
      const keyRule = textProblem(key);
      if (keyRule) return { field: at, rule: keyRule, message: `the key ${MESSAGES[keyRule]}` };
      const child = (item.value as Record<string, unknown>)[key];
      if (typeof child === 'string') {
        const rule = textProblem(child);
        if (rule) return { field: at, rule, message: MESSAGES[rule] };
      } else if (child !== null && typeof child === 'object') pending.push({ value: child, path: at, depth: item.depth + 1 });
    }
  }
  return null;
}

/** The refusal: 400 BAD_REQUEST with the one issue in `details.issues`, as validation errors carry them. */
function refusal(issue: FieldIssue): AppError {
  return new AppError('BAD_REQUEST', `${issue.field}: ${issue.message}`, { issues: [issue] });
}

function checkRequest(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  const issue = findBadInput(request.params, 'params') ?? findBadInput(request.query, 'querystring') ?? findBadInput(request.body, 'body');
  done(issue ? refusal(issue) : undefined);
}

/**
 * Adds the check to every catalogue route registered after this call, as a synchronous
 * preValidation hook of its own: routes outside the catalogue (the console's files, health) and
 * `raw` protocol routes (the Handle.Net hot path, which parses its input itself) pay nothing.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const endpoint = (route.config as FastifyContextConfig | undefined)?.endpoint;
    if (!endpoint || endpoint.responseKind === 'raw') return;
    const existing = route.preValidation;
    route.preValidation = existing ? [checkRequest, ...(Array.isArray(existing) ? existing : [existing])] : [checkRequest];
  });
}
