import { type ApiToken, type ApiTokenListQuery, type CreateApiToken, ROLE_DEFINITIONS, TOKEN_PREFIX } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound, refusal } from '../../platform/errors.js';
import type { OrganisationService } from '../organisations/index.js';
import { actorFor } from './actor-of.js';
import { randomSecret, sha256 } from './password.js';
import { tokenPolicy } from './token.policy.js';
import { type ApiTokenWithNames, createTokenRepo } from './token.repo.js';

/**
 * The Handle identities of tokens (issue #13 item 1), provided by the identifier module: a token of
 * an organisation that administers a prefix is the admin handle `<prefix>/<name>` (HS_SECKEY at 300).
 */
export interface TokenIdentities {
  issue(
    tx: DbOrTx,
    token: { name: string; orgId: string },
  ): Promise<{ handle: string } | { problem: 'taken' | 'invalid'; handle: string } | null>;
  retire(tx: DbOrTx, handle: string): Promise<void>;
  forget(handle: string): void;
}

export interface TokenServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'findById'>;
}

/** The index of an identity's secret key value: Handle clients log in as `300:<admin handle>`. */
const SECKEY_INDEX = 300;
// Handles compare ASCII case-insensitively (RFC 3650); other characters as they are.
const asciiUpper = (s: string) => s.replace(/[a-z]+/g, (m) => m.toUpperCase());

// Recording every use would be a write per request; a minute's resolution is enough to spot stale tokens.
const LAST_USED_RESOLUTION_MS = 60_000;

/** API tokens for machine clients: bound to an organisation and a role, stored hashed. */
export function createTokenService(deps: TokenServiceDeps) {
  const tokens = createTokenRepo(deps.db);
  // Bound after construction: the identifier module is built after accounts and needs its authenticator.
  let identities: TokenIdentities | undefined;

  /** Creates the token's identity handle in `tx`; refuses a name that cannot be one. */
  async function issueIdentity(tx: DbOrTx, token: { name: string; orgId: string }): Promise<string | null> {
    if (!identities) return null;
    const issued = await identities.issue(tx, token);
    if (!issued) return null;
    if ('problem' in issued) {
      if (issued.problem === 'taken')
        throw refusal('CONFLICT', 'token.admin_handle_taken', `the handle ${issued.handle} exists already: choose another token name`, {
          handle: issued.handle,
        });
      throw refusal(
        'VALIDATION_FAILED',
        'token.admin_handle_invalid',
        `${issued.handle} is not a valid handle: choose another token name`,
        {
          handle: issued.handle,
        },
      );
    }
    return issued.handle;
  }

  /** Beyond token:write: people issue tokens (a token mints none), for roles their own role manages. */
  function assertMayIssue(actor: Actor, role: ApiToken['role']) {
    if (actor.via === 'token') throw refusal('FORBIDDEN', 'token.not_by_token', 'API tokens cannot create or revoke API tokens');
    if (!ROLE_DEFINITIONS[actor.role].manages.includes(role))
      throw refusal('FORBIDDEN', 'token.role_not_managed', `your role may not issue ${role} tokens`, { role });
  }

  return {
    /** Connects the identifier module's identity handles (app composition). */
    useIdentities(port: TokenIdentities): void {
      identities = port;
    },

    /**
     * Gives live tokens created before identity handles existed theirs (start-up, idempotent across
     * instances); a name that cannot be a handle, or whose handle exists, is skipped and reported.
     */
    async backfillIdentities(): Promise<{ issued: string[]; skipped: string[] }> {
      const issued: string[] = [];
      const skipped: string[] = [];
      if (!identities) return { issued, skipped };
      for (const token of await tokens.findWithoutAdminHandle()) {
        const handle = await deps.db
          .transaction(async (tx) => {
            const result = await identities?.issue(tx, token);
            if (!result) return null;
            if ('problem' in result) {
              skipped.push(result.handle);
              return null;
            }
            // Another instance may have got there first: then its handle stands and this insert rolls back.
            if (!(await createTokenRepo(tx).setAdminHandle(token.id, result.handle))) throw new BackfillRace();
            return result.handle;
          })
          .catch((err) => {
            if (err instanceof BackfillRace) return null;
            throw err;
          });
        if (handle) {
          identities.forget(handle);
          issued.push(handle);
        }
      }
      return { issued, skipped };
    },

    async list(actor: Actor, query: ApiTokenListQuery) {
      const page = await tokens.findPage(tokenPolicy.reach(actor, 'read'), {
        includeRevoked: query.includeRevoked === 'true',
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: page.items.map(toApiToken), total: page.total };
    },

    async create(actor: Actor, input: CreateApiToken): Promise<{ token: string; apiToken: ApiToken }> {
      tokenPolicy.authorize(actor, 'write');
      assertMayIssue(actor, input.role);
      if (!actor.userId) throw refusal('FORBIDDEN', 'token.person_only', 'only people issue API tokens');
      const creatorId = actor.userId;
      const org = await deps.organisations.findById(input.orgId);
      if (!org || !tokenPolicy.can(actor, 'write', { orgId: org.id, orgDistrictId: org.districtId }))
        throw fieldError('VALIDATION_FAILED', 'orgId', 'exists', 'no such organisation in your scope');
      if (!ROLE_DEFINITIONS[input.role].orgKinds.includes(org.kind))
        throw fieldError(
          'ROLE_ORG_MISMATCH',
          'orgId',
          'role_org_kind',
          `a ${input.role} token belongs to a ${ROLE_DEFINITIONS[input.role].orgKinds.join(' or ')} organisation`,
        );
      const now = deps.clock.now();
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt <= now) throw fieldError('VALIDATION_FAILED', 'expiresAt', 'future', 'must be in the future');
      const token = `${TOKEN_PREFIX}${randomSecret()}`;
      const result = await deps.db.transaction(async (tx) => {
        const repo = createTokenRepo(tx);
        const adminHandle = await issueIdentity(tx, { name: input.name, orgId: org.id });
        const created = await repo.insert({
          adminHandle,
          name: input.name,
          tokenHash: sha256(token),
          prefix: token.slice(0, TOKEN_PREFIX.length + 6),
          role: input.role,
          orgId: org.id,
          createdById: creatorId,
          createdAt: now,
          expiresAt,
        });
        const stored = await repo.findById(created.id);
        if (!stored) throw new Error('token vanished inside its own transaction');
        const apiToken = toApiToken(stored);
        await deps.audit.append(tx, actor, { action: 'token.create', entityType: 'api_token', entityId: created.id, after: apiToken });
        return { token, apiToken };
      });
      if (result.apiToken.adminHandle) identities?.forget(result.apiToken.adminHandle);
      return result;
    },

    async revoke(actor: Actor, id: string): Promise<ApiToken> {
      const revoked = await deps.db.transaction(async (tx) => {
        const repo = createTokenRepo(tx);
        tokenPolicy.authorize(actor, 'write');
        const current = await repo.findById(id);
        if (!current) throw notFound('API token');
        tokenPolicy.authorize(actor, 'write', current);
        assertMayIssue(actor, current.role);
        if (current.revokedAt) throw refusal('CONFLICT', 'token.already_revoked', 'this token is already revoked');
        await repo.update(id, { revokedAt: deps.clock.now() });
        // The identity handle goes with the token: it resolves no more and its name can be reused.
        if (current.adminHandle) await identities?.retire(tx, current.adminHandle);
        const after = toApiToken({ ...current, revokedAt: deps.clock.now() });
        await deps.audit.append(tx, actor, {
          action: 'token.revoke',
          entityType: 'api_token',
          entityId: id,
          before: toApiToken(current),
          after,
        });
        return after;
      });
      if (revoked.adminHandle) identities?.forget(revoked.adminHandle);
      return revoked;
    },

    /** Resolves a bearer token to its actor; null when unknown, revoked or expired. */
    async authenticate(token: string, meta: { requestId: string; clientIp: string }): Promise<Actor | null> {
      return actorOfToken(token, meta);
    },

    /**
     * Handle's Basic identity `index:handle` with the token as secret: the index must be 300 and the
     * handle the token's own identity handle (ASCII case aside), else null, as for a wrong secret.
     */
    async authenticateHandleIdentity(
      identity: { index: number; handle: string; secret: string },
      meta: { requestId: string; clientIp: string },
    ): Promise<Actor | null> {
      if (identity.index !== SECKEY_INDEX) return null;
      return actorOfToken(
        identity.secret,
        meta,
        (row) => row.adminHandle !== null && asciiUpper(row.adminHandle) === asciiUpper(identity.handle),
      );
    },
  };

  async function actorOfToken(
    token: string,
    meta: { requestId: string; clientIp: string },
    accept: (row: ApiTokenWithNames) => boolean = () => true,
  ): Promise<Actor | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const row = await tokens.findByHash(sha256(token));
    const now = deps.clock.now();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !accept(row)) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await tokens.update(row.id, { lastUsedAt: now });
    }
    return {
      ...actorFor({
        userId: null,
        name: `token:${row.name}`,
        role: row.role,
        orgId: row.orgId,
        districtId: row.orgDistrictId,
        via: 'token',
        tokenId: row.id,
      }),
      ...meta,
    };
  }
}

class BackfillRace extends Error {}

export type TokenService = ReturnType<typeof createTokenService>;

function toApiToken(row: ApiTokenWithNames): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    orgId: row.orgId,
    orgName: row.orgName,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    adminHandle: row.adminHandle,
  };
}
