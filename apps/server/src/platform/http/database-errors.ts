import type { ErrorCode, FieldIssue } from '@suilian/contracts';

/**
 * PostgreSQL errors caused by the data a request carried (issue #11 item 2): a value the database
 * refuses is the client's problem (4xx), not an internal error. Class 22 (data exception: text
 * that is not a number, a date out of range, a character the encoding lacks), class 23 (integrity:
 * duplicates, references to nothing, checks) and 54000 (a value too large for an index) map to a
 * 4xx; anything else stays a 500. The answer names the condition, never the values.
 */

/** The fields of a PostgreSQL error (pg's DatabaseError) this mapping reads. */
interface PgError {
  code: string;
  severity: string;
  detail?: string;
  column?: string;
  constraint?: string;
  table?: string;
  routine?: string;
}

/** The PostgreSQL error behind an error: itself, or the cause Drizzle wraps it in. */
export function pgErrorOf(error: unknown): PgError | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as Partial<PgError>;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code) && typeof candidate.severity === 'string')
      return candidate as PgError;
  }
  return null;
}

/** SQLSTATE condition names (PostgreSQL manual, appendix A) of the codes a request can provoke. */
const CONDITIONS: Record<string, string> = {
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22004': 'null_value_not_allowed',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22012': 'division_by_zero',
  '22021': 'character_not_in_repertoire',
  '22023': 'invalid_parameter_value',
  '22025': 'invalid_escape_sequence',
  '2201B': 'invalid_regular_expression',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '23P01': 'exclusion_violation',
  '54000': 'program_limit_exceeded',
};

export interface DatabaseRefusal {
  status: number;
  code: ErrorCode;
  message: string;
  details: { issues: FieldIssue[]; sqlstate: string };
}

/** The 4xx answer for a PostgreSQL error a request's data caused, or null for any other error. */
export function refusalOfDatabaseError(error: unknown): DatabaseRefusal | null {
  const pg = pgErrorOf(error);
  if (!pg) return null;
  const cls = pg.code.slice(0, 2);
  if (cls !== '22' && cls !== '23' && pg.code !== '54000') return null;
  const rule = CONDITIONS[pg.code] ?? (cls === '22' ? 'data_exception' : cls === '23' ? 'integrity_constraint_violation' : 'limit');
  const field = pg.column ?? 'value';
  const answer = (status: number, code: ErrorCode, message: string): DatabaseRefusal => ({
    status,
    code,
    message,
    details: { issues: [{ field, rule, message }], sqlstate: pg.code },
  });
  if (pg.code === '23505') return answer(409, 'DUPLICATE', 'a record with the same key already exists');
  if (pg.code === '23P01') return answer(409, 'CONFLICT', 'the record overlaps an existing one');
  if (pg.code === '23503')
    return /still referenced/.test(pg.detail ?? '')
      ? answer(409, 'CONFLICT', 'the record is still referenced by other records')
      : answer(422, 'VALIDATION_FAILED', 'a referenced record does not exist');
  if (cls === '23') return answer(422, 'VALIDATION_FAILED', `a value breaks a rule of the stored data (${rule})`);
  if (pg.code === '54000') return answer(400, 'BAD_REQUEST', 'a value is too large to be stored or indexed');
  return answer(400, 'BAD_REQUEST', `a value cannot be stored or compared as sent (${rule})`);
}

/** What the log may say about such an error: its condition and place, never the values (its detail). */
export function loggableDatabaseError(error: unknown): Record<string, string | undefined> | null {
  const pg = pgErrorOf(error);
  if (!pg) return null;
  return { sqlstate: pg.code, routine: pg.routine, table: pg.table, column: pg.column, constraint: pg.constraint };
}

/** Drizzle's wrapper of a failed query: its message and `params` quote the values the query was sent. */
function carriesQuery(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as { query?: unknown; params?: unknown };
    if (typeof candidate.query === 'string' && Array.isArray(candidate.params)) return true;
  }
  return false;
}

/**
 * The fields a 500's log line carries about its error (issue #11 item 7: error logs hold no user
 * data). An error from the database, or one wrapping it, is logged by its SQLSTATE, routine, table,
 * column and constraint plus the stack's frames: never its message (Drizzle's quotes the query's
 * parameters, PostgreSQL's may quote a value), detail, parameters or query. Other errors are the
 * code's own and are logged whole.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const database = loggableDatabaseError(error);
  if (!database && !carriesQuery(error)) return { err: error };
  const frames = typeof (error as Error)?.stack === 'string' ? (error as Error).stack?.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  return {
    err: {
      type: (error as Error)?.name ?? 'Error',
      message: `database error ${database?.sqlstate ?? '(no SQLSTATE)'}`,
      stack: frames?.join('\n'),
    },
    database,
  };
}
