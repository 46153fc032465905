import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** One master key of sealed values: its id (named in every value it seals) and its 256-bit secret. */
export interface DataKey {
  id: string;
  secret: Buffer;
}

/** The keys of the data key file: the newest seals, every one opens what it sealed. */
export interface DataKeyring {
  current: DataKey;
  byId: ReadonlyMap<string, DataKey>;
}

const HEADER =
  '# Suilian data key file: master keys of the values sealed in the database (SM4 + HMAC-SM3, ADR 0014).\n' +
  '# Secret: keep it mode 0600, back it up apart from the database, never edit a line. Newest key last.\n';

/** The key file is missing while the database holds values sealed with a key. */
export class DataKeyMissingError extends Error {
  constructor(file: string) {
    super(
      `data key file ${file} is missing, but the database holds sealed values. Restore the file from its ` +
        'backup (or point DATA_KEY_FILE at it). Without it the sealed values (TOTP secrets) cannot be opened: ' +
        'an administrator resets the second factor of the accounts concerned.',
    );
    this.name = 'DataKeyMissingError';
  }
}

function keyOf(secret: Buffer): DataKey {
  return { id: createHash('sm3').update(secret).digest('hex').slice(0, 12), secret };
}

/** A keyring of these keys, the last one current. */
export function dataKeyringOf(keys: readonly DataKey[]): DataKeyring {
  const current = keys.at(-1);
  if (!current) throw new Error('a data keyring needs a key');
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

/** A new random master key. */
export function generateDataKey(): DataKey {
  return keyOf(randomBytes(32));
}

/** The keys of a key file (lines of 64 hex digits after comments); null when the file does not exist. */
export function readDataKeys(file: string): DataKey[] | null {
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      if (!/^[0-9a-f]{64}$/.test(line)) throw new Error(`data key file ${file}: a line is not a 256-bit hex key`);
      return keyOf(Buffer.from(line, 'hex'));
    });
}

/** Creates the key file with one key (mode 0600, folder 0700); false when another process made it first. */
function createKeyFile(file: string, key: DataKey): boolean {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${HEADER}${key.secret.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Opens the data key file, creating it with a first key on first start. Refuses to make a new key
 * when the database already holds sealed values (`hasSealedData`): they would never open again.
 */
export async function openDataKeys(options: {
  file: string;
  hasSealedData: () => Promise<boolean>;
  warn?: (message: string) => void;
}): Promise<DataKeyring> {
  let keys = readDataKeys(options.file);
  if (!keys || keys.length === 0) {
    if (await options.hasSealedData()) throw new DataKeyMissingError(options.file);
    createKeyFile(options.file, generateDataKey());
    keys = readDataKeys(options.file) ?? [];
  }
  const mode = statSync(options.file).mode & 0o777;
  if (mode & 0o077)
    options.warn?.(
      `data key file ${options.file} has mode ${mode.toString(8).padStart(4, '0')}: only its owner should read it (chmod 600)`,
    );
  return dataKeyringOf(keys);
}
