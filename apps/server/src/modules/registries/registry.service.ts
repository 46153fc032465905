import type { CreateRecord, RegistryKey, RegistryListQuery, RegistryRecord, StoredFile, UpdateRecord } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { confirmationAtEntry, toConfirmation } from '../../platform/confirmation/confirmation.js';
import { AppError, fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import type { OrganisationService } from '../organisations/index.js';
import { registryPolicy } from './registry.policy.js';
import { createRegistryRepo, type RecordWithOrg } from './registry.repo.js';
import { promotedFields, UNIQUE_FIELD } from './registry-rules.js';

export interface RegistryServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'findById'>;
  files: Pick<FileService, 'requireAttachable' | 'describe'>;
}

/** Ecosystem registries: standards, patents, events, trainings … with evidence, scoped by owner. */
export function createRegistryService(deps: RegistryServiceDeps) {
  const repo = createRegistryRepo(deps.db);

  async function getVisible(
    actor: Actor,
    action: 'read' | 'write',
    registry: RegistryKey,
    id: string,
    db: DbOrTx = deps.db,
  ): Promise<RecordWithOrg> {
    registryPolicy.authorize(actor, action);
    const row = await createRegistryRepo(db).findById(registry, id);
    if (!row) throw notFound('record');
    registryPolicy.authorize(actor, action, row);
    return row;
  }

  async function present(rows: RecordWithOrg[], db: DbOrTx = deps.db): Promise<RegistryRecord[]> {
    const links = await createRegistryRepo(db).findAttachments(rows.map((r) => r.id));
    const files = await deps.files.describe(
      links.map((l) => l.fileId),
      db,
    );
    return rows.map((row) =>
      toRecord(
        row,
        links
          .filter((l) => l.recordId === row.id)
          .map((l) => files.get(l.fileId))
          .filter((f): f is StoredFile => !!f),
      ),
    );
  }

  async function checkReferences(registry: RegistryKey, data: Record<string, unknown>, actor: Actor, tx: DbOrTx) {
    if (registry === 'test-records') {
      const platform = await createRegistryRepo(tx).findById('test-platforms', String(data.platformId));
      if (!platform || !registryPolicy.can(actor, 'read', platform))
        throw fieldError('VALIDATION_FAILED', 'data.platformId', 'exists', 'no such test platform in your scope');
    }
  }

  async function assertUniqueFree(registry: RegistryKey, uniqueKey: string | null, selfId: string | null, tx: DbOrTx) {
    if (!uniqueKey) return;
    const clash = await createRegistryRepo(tx).findByUniqueKey(registry, uniqueKey);
    if (clash && clash.id !== selfId) throw duplicate(registry, uniqueKey);
  }

  return {
    async list(actor: Actor, registry: RegistryKey, query: RegistryListQuery) {
      const page = await repo.findPage(registry, registryPolicy.reach(actor, 'read'), query);
      return { items: await present(page.items), total: page.total };
    },

    async get(actor: Actor, registry: RegistryKey, id: string): Promise<RegistryRecord> {
      const row = await getVisible(actor, 'read', registry, id);
      const [record] = await present([row]);
      if (!record) throw notFound('record');
      return record;
    },

    async create(actor: Actor, registry: RegistryKey, input: CreateRecord): Promise<RegistryRecord> {
      registryPolicy.authorize(actor, 'write');
      const ownerId = input.orgId ?? actor.orgId;
      return deps.db.transaction(async (tx) => {
        const owner = await deps.organisations.findById(ownerId, tx);
        // The record would be the owner's: it must be one the actor may write.
        if (!owner || !registryPolicy.can(actor, 'write', { orgId: owner.id, districtId: owner.districtId }))
          throw fieldError('VALIDATION_FAILED', 'orgId', 'exists', 'no such organisation in your scope');
        await checkReferences(registry, input.data, actor, tx);
        const promoted = promotedFields(registry, input.data);
        await assertUniqueFree(registry, promoted.uniqueKey, null, tx);
        const now = deps.clock.now();
        const r = createRegistryRepo(tx);
        const created = await r
          .insert({
            registry,
            orgId: owner.id,
            districtId: owner.districtId,
            title: input.title,
            recordDate: input.date,
            data: input.data,
            ...promoted,
            // Declared by the enterprise: counted once its district confirms (issue #12 item 5).
            ...confirmationAtEntry(actor, registryPolicy.can(actor, 'confirm', { orgId: owner.id, districtId: owner.districtId }), now),
            createdAt: now,
            updatedAt: now,
          })
          .catch((error) => rethrow(error, registry, promoted.uniqueKey));
        if (input.attachments) {
          await deps.files.requireAttachable(actor, input.attachments, tx);
          await r.replaceAttachments(created.id, [...new Set(input.attachments)]);
        }
        const row = await r.findById(registry, created.id);
        const [result] = await present(row ? [row] : [], tx);
        if (!result) throw notFound('record');
        await deps.audit.append(tx, actor, { action: `${registry}.create`, entityType: registry, entityId: created.id, after: result });
        return result;
      });
    },

    async update(actor: Actor, registry: RegistryKey, id: string, input: UpdateRecord): Promise<RegistryRecord> {
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, 'write', registry, id, tx);
        const [before] = await present([current], tx);
        const data = input.data ?? current.data;
        await checkReferences(registry, data, actor, tx);
        const promoted = promotedFields(registry, data);
        await assertUniqueFree(registry, promoted.uniqueKey, id, tx);
        const r = createRegistryRepo(tx);
        const updated = await r
          .updateVersioned(id, input.version, {
            title: input.title ?? current.title,
            recordDate: input.date ?? current.recordDate,
            data,
            ...promoted,
            // An edit by someone who may not confirm declares the record again (issue #12 item 5).
            ...(registryPolicy.can(actor, 'confirm', current) ? {} : confirmationAtEntry(actor, false, deps.clock.now())),
            updatedAt: deps.clock.now(),
          })
          .catch((error) => rethrow(error, registry, promoted.uniqueKey));
        if (!updated) throw staleVersion('record');
        if (input.attachments) {
          const kept = new Set((await r.findAttachments([id])).map((a) => a.fileId));
          await deps.files.requireAttachable(
            actor,
            input.attachments.filter((f) => !kept.has(f)),
            tx,
          );
          await r.replaceAttachments(id, [...new Set(input.attachments)]);
        }
        const row = await r.findById(registry, id);
        const [after] = await present(row ? [row] : [], tx);
        await deps.audit.append(tx, actor, { action: `${registry}.update`, entityType: registry, entityId: id, before, after });
        if (!after) throw notFound('record');
        return after;
      });
    },

    /** Whether a file is evidence on a record the actor may see (a read rule for platform/files). */
    async canReadAttachment(actor: Actor, fileId: string): Promise<boolean> {
      if (!registryPolicy.allows(actor, 'read')) return false;
      for (const record of await repo.findRecordsWithFile(fileId)) {
        if (registryPolicy.can(actor, 'read', record)) return true;
      }
      return false;
    },

    async remove(actor: Actor, registry: RegistryKey, id: string): Promise<void> {
      await deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, 'write', registry, id, tx);
        const [before] = await present([current], tx);
        const r = createRegistryRepo(tx);
        if (registry === 'test-platforms' && (await r.countTestRecordsOf(id)) > 0)
          throw refusal('CONFLICT', 'registry.platform_in_use', 'test records refer to this test platform; remove them first');
        await r.delete(id);
        await deps.audit.append(tx, actor, { action: `${registry}.delete`, entityType: registry, entityId: id, before });
      });
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;

function duplicate(registry: RegistryKey, key: string): AppError {
  const field = UNIQUE_FIELD[registry] ?? 'data';
  return new AppError('DUPLICATE', `${key} is already registered`, { issues: [{ field, rule: 'unique', message: 'already registered' }] });
}

function rethrow(error: unknown, registry: RegistryKey, key: string | null): never {
  if (isUniqueViolation(error, 'registry_record_unique_key_uq')) throw duplicate(registry, key ?? '');
  throw error;
}

function toRecord(row: RecordWithOrg, files: StoredFile[]): RegistryRecord {
  return {
    id: row.id,
    registry: row.registry as RegistryKey,
    orgId: row.orgId,
    orgName: row.orgName,
    districtId: row.districtId,
    title: row.title,
    date: row.recordDate,
    kind: row.kind,
    quantity: row.quantity,
    data: row.data,
    attachments: files.map((f) => ({ fileId: f.id, name: f.name, mediaType: f.mediaType, size: f.size })),
    isDemo: row.isDemo,
    confirmation: toConfirmation(row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
