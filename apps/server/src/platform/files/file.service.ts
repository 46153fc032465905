import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredFile } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import { fieldError, notFound } from '../errors.js';
import { filePolicy } from './file.policy.js';
import { createFileRepo, type StoredFileRow } from './file.repo.js';
import { sniffUpload } from './sniff.js';

export interface FileServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  /** DATA_DIR/files */
  root: string;
}

/** Stores uploads by content hash after checking what they really are; serves them within scope. */
export function createFileService(deps: FileServiceDeps) {
  const pathOf = (sha: string) => join(deps.root, sha.slice(0, 2), sha);

  /**
   * Modules that attach files to records add rules here: a file attached to a record the actor may
   * see is readable by them even when someone outside their scope uploaded it.
   */
  const readRules: Array<(actor: Actor, fileId: string) => Promise<boolean>> = [];
  async function readable(actor: Actor, row: StoredFileRow): Promise<boolean> {
    if (filePolicy.can(actor, 'read', row)) return true;
    for (const rule of readRules) if (await rule(actor, row.id)) return true;
    return false;
  }

  return {
    addReadRule(rule: (actor: Actor, fileId: string) => Promise<boolean>): void {
      readRules.push(rule);
    },

    async upload(actor: Actor, name: string, content: Buffer): Promise<StoredFile> {
      filePolicy.authorize(actor, 'upload');
      const safeName = sanitiseFileName(name);
      const verdict = sniffUpload(safeName, content);
      if (!verdict.ok) throw fieldError('VALIDATION_FAILED', 'file', verdict.rule, verdict.message);
      const sha = createHash('sha256').update(content).digest('hex');
      const target = pathOf(sha);
      if (!existsSync(target)) {
        await mkdir(join(deps.root, sha.slice(0, 2)), { recursive: true });
        const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
        await writeFile(temp, content, { mode: 0o600 });
        await rename(temp, target);
      }
      return deps.db.transaction(async (tx) => {
        const row = await createFileRepo(tx).insert({
          sha256: sha,
          size: content.length,
          mediaType: verdict.mediaType,
          name: safeName,
          uploadedById: actor.userId,
          uploadedBy: actor.name,
          orgId: actor.orgId,
          districtId: actor.districtId,
          createdAt: deps.clock.now(),
        });
        const result = toStoredFile(row);
        await deps.audit.append(tx, actor, { action: 'file.upload', entityType: 'file', entityId: row.id, after: result });
        return result;
      });
    },

    async open(actor: Actor, id: string): Promise<{ file: StoredFile; stream: NodeJS.ReadableStream }> {
      const row = await createFileRepo(deps.db).findById(id);
      if (!row || !(await readable(actor, row))) throw notFound('file');
      return { file: toStoredFile(row), stream: createReadStream(pathOf(row.sha256)) };
    },

    /** For modules attaching files to records: the files must exist and be visible to the actor. */
    async requireAttachable(actor: Actor, ids: string[], db: DbOrTx = deps.db): Promise<Map<string, StoredFile>> {
      const rows = await createFileRepo(db).findByIds([...new Set(ids)]);
      const found = new Map(rows.filter((r) => filePolicy.can(actor, 'attach', r)).map((r) => [r.id, toStoredFile(r)]));
      for (const id of ids)
        if (!found.has(id))
          throw fieldError('VALIDATION_FAILED', 'attachments', 'exists', `file ${id} does not exist or is not yours to attach`);
      return found;
    },

    async describe(ids: string[], db: DbOrTx = deps.db): Promise<Map<string, StoredFile>> {
      const rows = await createFileRepo(db).findByIds([...new Set(ids)]);
      return new Map(rows.map((r) => [r.id, toStoredFile(r)]));
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;

function toStoredFile(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Path separators and control characters become "_"; names are capped at 200 characters. */
export function sanitiseFileName(name: string): string {
  const cleaned = [...name].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  return cleaned.slice(0, 200) || 'file';
}
