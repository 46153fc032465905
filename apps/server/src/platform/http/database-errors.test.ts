import { describe, expect, it } from 'vitest';
import { loggableDatabaseError, refusalOfDatabaseError } from './database-errors.js';

/** The shape of pg's DatabaseError, which Drizzle wraps as the cause of a DrizzleQueryError. */
const pgError = (code: string, extra: Record<string, string> = {}) => Object.assign(new Error('db'), { code, severity: 'ERROR', ...extra });
const wrapped = (cause: Error) => Object.assign(new Error('Failed query: SELECT …'), { cause });

describe('PostgreSQL errors a request caused', () => {
  it('answers data exceptions (class 22) with 400 naming the condition', () => {
    expect(refusalOfDatabaseError(pgError('22P02'))).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      details: { sqlstate: '22P02', issues: [{ rule: 'invalid_text_representation' }] },
    });
    expect(refusalOfDatabaseError(wrapped(pgError('22021')))?.details.issues[0]?.rule).toBe('character_not_in_repertoire');
    expect(refusalOfDatabaseError(pgError('2200X'))?.details.issues[0]?.rule).toBe('data_exception');
  });

  it('answers integrity violations with 409 or 422, and a too large index entry with 400', () => {
    expect(refusalOfDatabaseError(pgError('23505'))).toMatchObject({ status: 409, code: 'DUPLICATE' });
    expect(refusalOfDatabaseError(pgError('23503', { detail: 'Key (id)=(x) is not present in table "a".' }))).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
    expect(refusalOfDatabaseError(pgError('23503', { detail: 'Key (id)=(x) is still referenced from table "b".' }))).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
    expect(refusalOfDatabaseError(pgError('23502', { column: 'name' }))).toMatchObject({
      status: 422,
      details: { issues: [{ field: 'name', rule: 'not_null_violation' }] },
    });
    expect(refusalOfDatabaseError(pgError('54000'))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('leaves other errors (the code’s own faults, connection loss) to the 500 answer', () => {
    expect(refusalOfDatabaseError(pgError('42P01'))).toBeNull();
    expect(refusalOfDatabaseError(pgError('57P01'))).toBeNull();
    expect(refusalOfDatabaseError(new Error('boom'))).toBeNull();
    expect(refusalOfDatabaseError(Object.assign(new Error('fs'), { code: 'ENOENT' }))).toBeNull();
  });

  it('never quotes the values: the message and the log keep the condition only', () => {
    const error = pgError('23505', { detail: 'Key (credit_code)=(914403001922038216) already exists.', constraint: 'org_uq' });
    expect(JSON.stringify(refusalOfDatabaseError(error))).not.toContain('914403001922038216');
    expect(JSON.stringify(loggableDatabaseError(error))).not.toContain('914403001922038216');
    expect(loggableDatabaseError(error)).toMatchObject({ sqlstate: '23505', constraint: 'org_uq' });
  });
});
