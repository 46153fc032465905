import type { DelegatePrefix, HandlePrefix, PrefixListQuery, UpdatePrefix } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import { createOrganisationRepo } from '../organisations/index.js';
import { createHandleRepo, type PrefixFilter, type PrefixRow } from './handle.repo.js';
import { asciiUpper, derivePrefix, isSyntaxProblem, prefixProblem } from './logic/syntax.js';
import { prefixPolicy } from './prefix.policy.js';

export interface PrefixServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  /** Prefixes the platform serves (configuration), e.g. ['88.118']. */
  servedPrefixes: readonly string[];
}

/** Marker NOTIFY payload: reload the prefix table. */
export const PREFIXES_CHANGED = '*prefixes';

/**
 * Prefixes and who administers them. Each instance holds the (small) prefix table in memory for
 * the hot path and reloads it when any instance changes it (LISTEN/NOTIFY).
 */
export function createPrefixService(deps: PrefixServiceDeps) {
  let byKey = new Map<string, PrefixRow>();
  let loaded: Promise<void> | null = null;
  let ready = false;

  async function reload(): Promise<void> {
    const rows = await createHandleRepo(deps.db).allPrefixes();
    byKey = new Map(rows.map((r) => [r.prefixKey, r]));
    ready = true;
  }

  function ensureLoaded(): Promise<void> | undefined {
    if (ready) return undefined;
    loaded ??= reload().catch((err) => {
      loaded = null;
      throw err;
    });
    return loaded;
  }

  /** Whether the actor may register, change and delete handles under the prefix (its admin group). */
  function canAdminister(actor: Actor | null, row: PrefixRow): boolean {
    return actor !== null && prefixPolicy.can(actor, 'write', row);
  }

  /** Prefixes whose records and statistics the actor may read (403 without handle:read); null: all of them. */
  function visibleFilter(actor: Actor): PrefixFilter {
    if (prefixPolicy.reach(actor, 'read').all) return null;
    return [...byKey.values()].filter((r) => prefixPolicy.can(actor, 'read', r)).map((r) => r.prefix);
  }

  /** The prefix the actor may read: 403 without handle:read, 404 when unknown or out of reach. */
  async function readable(actor: Actor, prefix: string): Promise<PrefixRow> {
    prefixPolicy.authorize(actor, 'read');
    await ensureLoaded();
    const row = byKey.get(asciiUpper(prefix));
    if (!row) throw notFound('prefix');
    prefixPolicy.authorize(actor, 'read', row);
    return row;
  }

  function present(row: PrefixRow, handleCount: number): HandlePrefix {
    const adminIds = [row.ownerOrgId, ...row.adminOrgIds.filter((id) => id !== row.ownerOrgId)];
    const adminNames = [row.ownerOrgName, ...row.adminOrgNames.filter((_, i) => row.adminOrgIds[i] !== row.ownerOrgId)];
    return {
      prefix: row.prefix,
      parent: row.parentPrefix,
      served: row.served,
      ownerOrgId: row.ownerOrgId,
      ownerOrgName: row.ownerOrgName,
      districtId: row.districtId,
      adminOrgIds: adminIds,
      adminOrgNames: adminNames,
      status: row.status === 'suspended' ? 'suspended' : 'active',
      description: row.description,
      handleCount,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
    };
  }

  async function checkAdminOrgs(ids: readonly string[], field: string) {
    const found = await createHandleRepo(deps.db).organisationsExist(ids);
    for (const id of ids) {
      const org = found.find((o) => o.id === id);
      if (!org) throw fieldError('VALIDATION_FAILED', field, 'exists', `organisation ${id} does not exist`);
      if (org.kind !== 'enterprise' && org.kind !== 'provider') {
        throw fieldError('VALIDATION_FAILED', field, 'kind', 'only enterprises and service providers administer prefixes');
      }
    }
    return found;
  }

  return {
    reload,
    ensureLoaded,
    canAdminister,
    visibleFilter,
    readable,

    /** The prefix row a handle's prefix names (ASCII case-insensitive), if served here. */
    lookup(prefix: string): PrefixRow | undefined {
      return byKey.get(asciiUpper(prefix));
    },

    all(): PrefixRow[] {
      return [...byKey.values()];
    },

    /** Creates the configured served prefixes (owned by the city) when missing; boot-time, idempotent. */
    async ensureServed(): Promise<void> {
      const city = await createOrganisationRepo(deps.db).findCity();
      if (city) {
        const valid = deps.servedPrefixes.filter((p) => prefixProblem(p) === null);
        await createHandleRepo(deps.db).ensureServed(valid, city.id, deps.clock.now(), asciiUpper);
      }
      await reload();
    },

    async list(actor: Actor, query: PrefixListQuery): Promise<{ items: HandlePrefix[]; total: number }> {
      await ensureLoaded();
      const filter = visibleFilter(actor);
      const q = query.q?.trim().toUpperCase();
      const rows = [...byKey.values()]
        .filter((r) => filter === null || filter.includes(r.prefix))
        .filter((r) => !q || r.prefixKey.includes(q) || r.ownerOrgName.toUpperCase().includes(q));
      const page = rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      const counts = await createHandleRepo(deps.db).countHandlesByPrefix(page.map((r) => r.prefix));
      return { items: page.map((r) => present(r, counts.get(r.prefix) ?? 0)), total: rows.length };
    },

    async get(actor: Actor, prefix: string): Promise<HandlePrefix> {
      const row = await readable(actor, prefix);
      const counts = await createHandleRepo(deps.db).countHandlesByPrefix([row.prefix]);
      return present(row, counts.get(row.prefix) ?? 0);
    },

    /** City admins delegate `parent.segment` to an enterprise with an admin group. */
    async delegate(actor: Actor, input: DelegatePrefix): Promise<HandlePrefix> {
      prefixPolicy.authorize(actor, 'delegate');
      await ensureLoaded();
      const parent = byKey.get(asciiUpper(input.parent));
      if (!parent) throw fieldError('VALIDATION_FAILED', 'parent', 'served', `the platform does not serve ${input.parent}`);
      const derived = derivePrefix(parent.prefix, input.segment);
      if (isSyntaxProblem(derived)) throw fieldError('VALIDATION_FAILED', 'segment', derived.rule, derived.message);
      const owner = await checkAdminOrgs([input.ownerOrgId], 'ownerOrgId');
      if (owner[0]?.kind !== 'enterprise')
        throw fieldError('VALIDATION_FAILED', 'ownerOrgId', 'kind', 'a prefix is delegated to an enterprise');
      const admins = [...new Set(input.adminOrgIds.filter((id) => id !== input.ownerOrgId))];
      await checkAdminOrgs(admins, 'adminOrgIds');
      const now = deps.clock.now();
      try {
        await deps.db.transaction(async (tx) => {
          const repo = createHandleRepo(tx);
          await repo.insertPrefix(
            {
              prefix: derived,
              prefixKey: asciiUpper(derived),
              parentPrefix: parent.prefix,
              served: false,
              ownerOrgId: input.ownerOrgId,
              description: input.description ?? null,
              createdAt: now,
              updatedAt: now,
            },
            admins,
          );
          await deps.audit.append(tx, actor, {
            action: 'handle_prefix.delegate',
            entityType: 'handle_prefix',
            entityId: derived,
            after: { prefix: derived, parent: parent.prefix, ownerOrgId: input.ownerOrgId, adminOrgIds: admins },
          });
          await repo.notify([PREFIXES_CHANGED]);
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw refusal('DUPLICATE', 'handle.prefix_delegated', `prefix ${derived} is already delegated`, { prefix: derived });
        throw err;
      }
      await reload();
      return this.get(actor, derived);
    },

    async update(actor: Actor, prefix: string, input: UpdatePrefix): Promise<HandlePrefix> {
      prefixPolicy.authorize(actor, 'delegate');
      await ensureLoaded();
      const row = byKey.get(asciiUpper(prefix));
      if (!row) throw notFound('prefix');
      const admins = input.adminOrgIds ? [...new Set(input.adminOrgIds.filter((id) => id !== row.ownerOrgId))] : undefined;
      if (admins) await checkAdminOrgs(admins, 'adminOrgIds');
      await deps.db.transaction(async (tx) => {
        const repo = createHandleRepo(tx);
        const fields = {
          updatedAt: deps.clock.now(),
          ...(input.status ? { status: input.status } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
        };
        if (!(await repo.updatePrefix(row.prefix, input.version, fields, admins))) throw staleVersion('prefix');
        await deps.audit.append(tx, actor, {
          action: 'handle_prefix.update',
          entityType: 'handle_prefix',
          entityId: row.prefix,
          before: { prefix: row.prefix, status: row.status, adminOrgIds: row.adminOrgIds },
          after: { prefix: row.prefix, ...input },
        });
        await repo.notify([PREFIXES_CHANGED]);
      });
      await reload();
      return this.get(actor, row.prefix);
    },
  };
}

export type PrefixService = ReturnType<typeof createPrefixService>;
