import { and, eq, isNotNull, like, not, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Sealer } from '../../../platform/crypto/sealed.js';
import { isSealed } from '../../../platform/crypto/sealed.js';
import { appUser } from '../account.table.js';

/** Where a TOTP secret is sealed for: the account, so a sealed secret copied onto another does not open. */
export const totpSealContext = (userId: string) => `app_user.totp:${userId}`;

const SEALED = 's1:%';

/** Whether any account holds a sealed TOTP secret (then a missing data key must stop the start). */
export async function hasSealedTotpSecrets(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(or(like(appUser.totpSecret, SEALED), like(appUser.totpPendingSecret, SEALED)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Seals the TOTP secrets still stored in clear (kept before sealing existed), in one transaction so
 * no account is left half done; sealed ones are left alone, so running it at every start is safe.
 * Returns how many accounts it sealed.
 */
export async function sealPlaintextTotpSecrets(db: Db, sealer: Sealer): Promise<number> {
  return db.transaction(async (tx) => {
    const plain = await tx
      .select({ id: appUser.id, secret: appUser.totpSecret, pending: appUser.totpPendingSecret })
      .from(appUser)
      .where(
        or(
          and(isNotNull(appUser.totpSecret), not(like(appUser.totpSecret, SEALED))),
          and(isNotNull(appUser.totpPendingSecret), not(like(appUser.totpPendingSecret, SEALED))),
        ),
      )
      .for('update');
    const sealed = (value: string | null, userId: string) =>
      value === null || isSealed(value) ? value : sealer.seal(value, totpSealContext(userId));
    for (const row of plain) {
      await tx
        .update(appUser)
        .set({ totpSecret: sealed(row.secret, row.id), totpPendingSecret: sealed(row.pending, row.id) })
        .where(eq(appUser.id, row.id));
    }
    return plain.length;
  });
}
