import type { FieldIssue, ReasonParams } from '@suilian/contracts';
import { AppError } from '../../../platform/errors.js';

/** Most samples one uploaded file may hold (a day of 1 s pings is 86,400). */
export const MAX_SAMPLES = 200_000;
/** Most rejected rows listed in one answer: enough to mend a file, small enough to read. */
const MAX_ISSUES = 100;

/** One problem in an uploaded file: field `file` (or `file.line N.column`), the rule and a reason the console words. */
export function fileIssue(rule: string, code: string, params: ReasonParams = {}, field = 'file'): FieldIssue {
  return { field, rule, message: `${code} ${JSON.stringify(params)}`, reason: { code, params } };
}

/** A 422 listing every problem found (the first MAX_ISSUES); nothing of the file is stored. */
export function rejectFile(issues: FieldIssue[]): AppError {
  const shown = issues.slice(0, MAX_ISSUES);
  return new AppError('VALIDATION_FAILED', `the file was rejected: ${shown.map((i) => i.message).join('; ')}`, {
    issues: shown,
    rejected: issues.length,
  });
}

/** Throws a single-problem rejection. */
export function fail(rule: string, code: string, params: ReasonParams = {}): never {
  throw rejectFile([fileIssue(rule, code, params)]);
}

/** The file as text: empty or blank files are refused by name. */
export function textOf(content: Buffer): string {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') fail('empty', 'sla.file_empty');
  return text;
}

/** What a parser makes of a file: its samples and the instants they cover. */
export interface Parsed<S> {
  samples: S;
  from: number;
  to: number;
}
