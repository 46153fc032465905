import { createHash, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@suilian/contracts';

// 31 letters and digits without look-alikes (0/o, 1/l/i): 16 of them carry 79 bits.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 16;

/** Fresh recovery codes as shown to the user once: `abcd-efgh-jkmn-pqrs`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    let raw = '';
    for (let i = 0; i < CODE_LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
    return raw.match(/.{4}/g)?.join('-') ?? raw;
  });
}

/** A code as typed, reduced to its characters: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * What is stored of a recovery code: SHA-256 of the account id and the normalised code. The codes
 * carry 79 random bits, so a fast hash suffices (as for API tokens); the account id keeps equal codes
 * of two accounts apart.
 */
export function hashRecoveryCode(userId: string, typed: string): string {
  return createHash('sha256')
    .update(`${userId}:${normaliseRecoveryCode(typed)}`)
    .digest('hex');
}

/** Whether a typed code has the shape of a recovery code (rather than a six-digit TOTP code). */
export function looksLikeRecoveryCode(typed: string): boolean {
  return normaliseRecoveryCode(typed).length === CODE_LENGTH;
}
