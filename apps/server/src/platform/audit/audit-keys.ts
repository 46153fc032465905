import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { createAuditRepo } from './audit.repo.js';
import { appendKey, createLiveKeyring, generateKey, type Keyring, keyFilePermissionProblem, keyringOf, readKeyring } from './keyring.js';

/** The audit key file is missing while the log holds entries signed with a key. */
export class AuditKeyMissingError extends Error {
  constructor(file: string, keyId: string) {
    super(
      `audit key file ${file} is missing, but the audit log is signed with key ${keyId}. ` +
        'Restore the file from its backup (or point AUDIT_KEY_FILE at it). If it is lost for good, ' +
        '`npm run cli -- audit:rotate-key --replace-lost-key` starts a new key file; the entries signed with ' +
        'the lost key can then no longer be verified.',
    );
    this.name = 'AuditKeyMissingError';
  }
}

/**
 * Opens the audit key file for signing (ADR 0013), creating it with a first key (mode 0600) when
 * neither the file nor any keyed entry exists: the key then signs every entry after the current
 * head, the older ones staying plain SM3. The key is created under the chain lock, so no entry of
 * any instance slips between the head it starts after and its first signature. Refuses to start a
 * new key silently when the log is already keyed and the file is gone.
 */
export async function openAuditKeys(options: {
  file: string;
  db: Db;
  clock: Clock;
  warn?: (message: string) => void;
}): Promise<() => Keyring> {
  const { file, db } = options;
  let keyring = readKeyring(file);
  if (!keyring || keyring.entries.length === 0) {
    keyring = await db.transaction(async (tx) => {
      const repo = createAuditRepo(tx);
      const head = await repo.lockHead();
      const again = readKeyring(file);
      if (again && again.entries.length > 0) return again; // another instance sharing the file made it meanwhile
      const signedWith = await repo.findAnyKeyId();
      if (signedWith) throw new AuditKeyMissingError(file, signedWith);
      const key = generateKey(head?.seq ?? 0, options.clock.now());
      appendKey(file, key);
      return keyringOf(file, [key]);
    });
  }
  const problem = keyFilePermissionProblem(file);
  if (problem) options.warn?.(problem);
  return createLiveKeyring(file, keyring);
}

/** Reads the key file for checking only (never creates it); an empty keyring when it is missing. */
export function readAuditKeysForVerification(file: string): { keyring: Keyring; missing: boolean } {
  const keyring = readKeyring(file);
  return keyring ? { keyring, missing: false } : { keyring: keyringOf(file, []), missing: true };
}
