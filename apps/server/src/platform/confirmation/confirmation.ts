import type { Confirmation, ConfirmationState } from '@suilian/contracts';
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Actor } from '../actor.js';
import { refusal } from '../errors.js';
import { storedFile } from '../files/file.table.js';

/**
 * Confirmation of self-declared records (issue #12 item 5), shared by the modules whose records
 * count toward targets (factories, registries): the columns, the state at entry and after an
 * edit, and the rule for confirm / return. Who may confirm is each module's policy.
 */
export function confirmationColumns() {
  return {
    /**
     * declared (by the enterprise, not counted) → confirmed (counted) or returned. The services set
     * it on every write (confirmationAtEntry); the default covers rows that existed before (the
     * migration marks them confirmed, so no figure jumps) and bulk demo rows.
     */
    confirmationState: text('confirmation_state', { enum: ['declared', 'confirmed', 'returned'] })
      .notNull()
      .default('confirmed'),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmationComment: text('confirmation_comment'),
    confirmationFileId: uuid('confirmation_file_id').references(() => storedFile.id),
  };
}

export interface ConfirmationFields {
  confirmationState: ConfirmationState;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  confirmationComment: string | null;
  confirmationFileId: string | null;
}

/**
 * The state of a record as it is entered or changed: confirmed at once when the person entering
 * it may confirm (district and city users), else declared and waiting for the district.
 */
export function confirmationAtEntry(actor: Actor, confirms: boolean, now: Date): ConfirmationFields {
  return confirms
    ? { confirmationState: 'confirmed', confirmedBy: actor.name, confirmedAt: now, confirmationComment: null, confirmationFileId: null }
    : { confirmationState: 'declared', confirmedBy: null, confirmedAt: null, confirmationComment: null, confirmationFileId: null };
}

export type ConfirmationAction = 'confirm' | 'return';

/**
 * The fields after confirming or returning; refuses confirming a confirmed record and returning
 * a returned one (409 with a reason code the console words).
 */
export function moveConfirmation(
  current: ConfirmationState,
  action: ConfirmationAction,
  actor: Actor,
  input: { comment: string; fileId?: string | undefined },
  now: Date,
): ConfirmationFields {
  const to: ConfirmationState = action === 'confirm' ? 'confirmed' : 'returned';
  if (current === to) throw refusal('CONFLICT', `confirmation.already_${to}`, `the record is already ${to}`, { state: current });
  return {
    confirmationState: to,
    confirmedBy: actor.name,
    confirmedAt: now,
    confirmationComment: input.comment,
    confirmationFileId: action === 'confirm' ? (input.fileId ?? null) : null,
  };
}

/** The confirmation as the API shows it. */
export function toConfirmation(row: ConfirmationFields): Confirmation {
  return {
    state: row.confirmationState,
    by: row.confirmedBy,
    at: row.confirmedAt ? row.confirmedAt.toISOString() : null,
    comment: row.confirmationComment,
    fileId: row.confirmationFileId,
  };
}
