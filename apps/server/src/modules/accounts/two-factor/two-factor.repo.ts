import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { appUser, recoveryCode, userSession } from '../account.table.js';

/** The second factor's rows: the secret on the account, its recovery codes, the session's stage. */
export function createTwoFactorRepo(db: DbOrTx) {
  return {
    async setPendingSecret(userId: string, secret: string): Promise<void> {
      await db.update(appUser).set({ totpPendingSecret: secret }).where(eq(appUser.id, userId));
    },

    /** Makes the pending secret (sealed, as stored) the account's second factor; `step` is the confirming code's, used up. */
    async enable(userId: string, secret: string, step: number, now: Date): Promise<boolean> {
      // Only over the very pending secret and no enrolled one: two confirmations racing enrol once.
      const enabled = await db
        .update(appUser)
        .set({ totpSecret: secret, totpEnabledAt: now, totpPendingSecret: null, totpLastStep: step, updatedAt: now })
        .where(and(eq(appUser.id, userId), isNull(appUser.totpSecret), eq(appUser.totpPendingSecret, secret)))
        .returning({ id: appUser.id });
      return enabled.length > 0;
    },

    /**
     * Records `step` as the last accepted one when it is later than the recorded one; false when it is
     * not (a replayed code). One conditional UPDATE: of two concurrent logins with the same code the
     * row lock makes the second re-read the moved step and fail.
     */
    async acceptStep(userId: string, step: number): Promise<boolean> {
      const moved = await db
        .update(appUser)
        .set({ totpLastStep: step })
        .where(and(eq(appUser.id, userId), or(isNull(appUser.totpLastStep), lt(appUser.totpLastStep, step))))
        .returning({ id: appUser.id });
      return moved.length > 0;
    },

    /** Removes the second factor, any pending secret and every recovery code. */
    async disable(userId: string, now: Date): Promise<void> {
      await db
        .update(appUser)
        .set({ totpSecret: null, totpEnabledAt: null, totpPendingSecret: null, totpLastStep: null, updatedAt: now })
        .where(eq(appUser.id, userId));
      await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
    },

    /** Replaces every recovery code of the account by these hashes. */
    async replaceRecoveryCodes(userId: string, hashes: string[], now: Date): Promise<void> {
      await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
      if (hashes.length) await db.insert(recoveryCode).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
    },

    /** Marks an unused code used; false when it is unknown or already used (atomic: a code works once). */
    async useRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
      const used = await db
        .update(recoveryCode)
        .set({ usedAt: now })
        .where(and(eq(recoveryCode.userId, userId), eq(recoveryCode.codeHash, codeHash), isNull(recoveryCode.usedAt)))
        .returning({ codeHash: recoveryCode.codeHash });
      return used.length > 0;
    },

    async unusedRecoveryCodes(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(recoveryCode)
        .where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
      return row?.n ?? 0;
    },

    /** The session passed its second factor. */
    async completeSession(idHash: string): Promise<void> {
      await db.update(userSession).set({ secondFactorPending: false }).where(eq(userSession.idHash, idHash));
    },
  };
}
