import type { DbOrTx } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { createHandleRepo, type PrefixRow } from './handle.repo.js';
import { isSyntaxProblem, parseHandle } from './logic/syntax.js';
import { DEFAULT_ADMIN_MASK, isoSeconds, type StoredValue } from './logic/values.js';
import type { PrefixService } from './prefix.service.js';

/** Index of the secret key value of an identity handle (the Handle System's convention for users). */
export const SECKEY_INDEX = 300;
export const SECKEY_TYPE = 'HS_SECKEY';

export interface IdentityServiceDeps {
  clock: Clock;
  prefixes: PrefixService;
  invalidate(keys: readonly string[]): void;
}

/** What issuing an identity handle gave: the handle, a reason it cannot be, or nothing to issue. */
export type IssuedIdentity = { handle: string } | { problem: 'taken' | 'invalid'; handle: string } | null;

/**
 * The admin handles of API identities (issue #13 item 1): a token whose organisation administers a
 * prefix is the Handle user `<prefix>/<token name>`, a record holding HS_ADMIN and an HS_SECKEY
 * value at index 300. The secret itself is never in the record: it is the token, kept hashed in
 * api_token; the HS_SECKEY value only says the key exists (its data is blanked on the wire too).
 */
export function createIdentityService(deps: IdentityServiceDeps) {
  /** The prefix an organisation's identities live under: one it owns first, else one whose group lists it. */
  function homePrefixOf(orgId: string): PrefixRow | undefined {
    const active = deps.prefixes.all().filter((p) => p.status === 'active');
    const byName = (a: PrefixRow, b: PrefixRow) => a.prefix.localeCompare(b.prefix);
    return (
      active.filter((p) => p.ownerOrgId === orgId).sort(byName)[0] ?? active.filter((p) => p.adminOrgIds.includes(orgId)).sort(byName)[0]
    );
  }

  function identityValues(prefix: string, now: Date): StoredValue[] {
    const timestamp = isoSeconds(now);
    return [
      {
        index: 100,
        type: 'HS_ADMIN',
        data: { format: 'admin', value: { handle: `0.NA/${prefix}`, index: 200, permissions: DEFAULT_ADMIN_MASK } },
        ttl: 86400,
        timestamp,
        permissions: '1110',
      },
      // Listed to anyone (clients check the identity exists), its data always blank (logic/values.ts toWire).
      { index: SECKEY_INDEX, type: SECKEY_TYPE, data: { format: 'string', value: '' }, ttl: 86400, timestamp, permissions: '1110' },
    ];
  }

  return {
    /**
     * Creates the identity handle of a token inside the caller's transaction (NOTIFY at its commit);
     * null when the organisation administers no prefix.
     */
    async issue(tx: DbOrTx, token: { name: string; orgId: string }): Promise<IssuedIdentity> {
      const loading = deps.prefixes.ensureLoaded();
      if (loading) await loading;
      const prefix = homePrefixOf(token.orgId);
      if (!prefix) return null;
      const handle = `${prefix.prefix}/${token.name}`;
      const parsed = parseHandle(handle);
      if (isSyntaxProblem(parsed)) return { problem: 'invalid', handle };
      const now = deps.clock.now();
      const repo = createHandleRepo(tx);
      const inserted = await repo.insertMany([
        {
          handleKey: parsed.key,
          handle,
          prefix: prefix.prefix,
          handleValues: identityValues(prefix.prefix, now),
          createdAt: now,
          updatedAt: now,
        },
      ]);
      if (!inserted.has(parsed.key)) return { problem: 'taken', handle };
      await repo.notify([parsed.key]);
      return { handle };
    },

    /** Deletes a token's identity handle (revocation) inside the caller's transaction. */
    async retire(tx: DbOrTx, handle: string): Promise<void> {
      const parsed = parseHandle(handle);
      if (isSyntaxProblem(parsed)) return;
      const repo = createHandleRepo(tx);
      const record = await repo.findByKey(parsed.key);
      if (!record || !isIdentityRecord(record.handleValues)) return;
      await repo.deleteRecord(parsed.key);
      await repo.notify([parsed.key]);
    },

    /** Drops this instance's cached copy right after the commit (other instances hear the NOTIFY). */
    forget(handle: string): void {
      const parsed = parseHandle(handle);
      if (!isSyntaxProblem(parsed)) deps.invalidate([parsed.key]);
    },
  };
}

/** Whether a record is an API identity (it holds the platform-managed HS_SECKEY value). */
export function isIdentityRecord(values: readonly StoredValue[]): boolean {
  return values.some((v) => v.index === SECKEY_INDEX && v.type.toUpperCase() === SECKEY_TYPE);
}

export type IdentityService = ReturnType<typeof createIdentityService>;
