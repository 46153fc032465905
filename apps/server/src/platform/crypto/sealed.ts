import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataKey, DataKeyring } from './data-keys.js';

/**
 * Sealed values (ADR 0014): a secret kept in the database, encrypted with SM4-CTR under a random IV
 * and authenticated with HMAC-SM3 over everything else (encrypt-then-MAC; Node 20's OpenSSL has
 * sm4-ctr but no sm4-gcm). Both keys are derived from one master key kept outside the database.
 *
 *   s1:<key id>:<iv, base64url>:<ciphertext, base64url>:<tag, base64url>
 *
 * `s1` names the scheme, so another can follow; the key id names the master key, so a rotation can
 * keep old keys for opening while new values are sealed with the newest. The MAC also covers a
 * caller-chosen context (e.g. `totp:<user id>`): a sealed value copied onto another row does not open.
 */
const SCHEME = 's1';
const IV_BYTES = 16;
const TAG_BYTES = 32;

/** A sealed value could not be opened: tampered, another row's, or sealed with a key not held. */
export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`sealed value refused: ${reason}`);
    this.name = 'SealedValueError';
  }
}

function derived(key: DataKey, purpose: 'enc' | 'mac'): Buffer {
  return createHmac('sm3', key.secret).update(`suilian sealed ${SCHEME} ${purpose}`).digest();
}

function tagOf(macKey: Buffer, keyId: string, iv: Buffer, ciphertext: Buffer, context: string): Buffer {
  const mac = createHmac('sm3', macKey);
  // Lengths first: no two different (key id, context) splits can give the same bytes.
  for (const part of [Buffer.from(SCHEME), Buffer.from(keyId), iv, ciphertext, Buffer.from(context, 'utf8')]) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(part.length);
    mac.update(length).update(part);
  }
  return mac.digest();
}

/** Whether a stored value is a sealed one (rather than plaintext kept before sealing existed). */
export function isSealed(value: string): boolean {
  return value.startsWith(`${SCHEME}:`);
}

/** Seals and opens values with a keyring: the newest key seals, any held key opens. */
export function createSealer(keyring: () => DataKeyring) {
  return {
    /** Encrypts `plaintext` for the place `context` names. */
    seal(plaintext: string, context: string): string {
      const key = keyring().current;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('sm4-ctr', derived(key, 'enc').subarray(0, 16), iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = tagOf(derived(key, 'mac'), key.id, iv, ciphertext, context);
      return [SCHEME, key.id, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join(':');
    },

    /** The plaintext of a sealed value for `context`; throws SealedValueError when it does not verify. */
    open(sealed: string, context: string): string {
      const [scheme, keyId = '', ivText = '', ciphertextText = '', tagText = '', ...rest] = sealed.split(':');
      if (scheme !== SCHEME || rest.length > 0) throw new SealedValueError('not a sealed value');
      const key = keyring().byId.get(keyId);
      if (!key) throw new SealedValueError(`sealed with key ${keyId}, which is not in the key file`);
      const iv = Buffer.from(ivText, 'base64url');
      const ciphertext = Buffer.from(ciphertextText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealedValueError('malformed');
      if (!timingSafeEqual(tag, tagOf(derived(key, 'mac'), keyId, iv, ciphertext, context)))
        throw new SealedValueError('the authentication tag does not match (altered, moved or another key)');
      const decipher = createDecipheriv('sm4-ctr', derived(key, 'enc').subarray(0, 16), iv);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    },
  };
}

export type Sealer = ReturnType<typeof createSealer>;
