import { createHmac } from 'node:crypto';

/** The master keys a digest is keyed with: the newest makes new digests, every one is looked up. */
export interface DigestKeyring {
  current: { id: string; secret: Buffer };
  byId: ReadonlyMap<string, { id: string; secret: Buffer }>;
}

/**
 * Keyed digests of personal identity numbers (issue #16 item 2, #15 item 6): a person is recognised
 * again without the number being stored. HMAC-SM3 under a subkey derived from the data master key,
 * so a copy of the database alone cannot test guesses (an identity number has few enough values to
 * be enumerated from an unkeyed hash). A digest names its key (`<key id>:<hex>`); after a key
 * rotation, lookups compare against the digests under every key held.
 */
export function createPersonDigests(keyring: () => DigestKeyring) {
  const subkey = (secret: Buffer) => createHmac('sm3', secret).update('suilian person-id digest v1').digest();
  const under = (key: { id: string; secret: Buffer }, idNumber: string) =>
    `${key.id}:${createHmac('sm3', subkey(key.secret)).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex')}`;
  return {
    /** The digest to store, under the current key. */
    digest(idNumber: string): string {
      return under(keyring().current, idNumber);
    },
    /** Every digest the number may be stored under (one per key held), for lookups. */
    candidates(idNumber: string): string[] {
      return [...keyring().byId.values()].map((key) => under(key, idNumber));
    },
  };
}

export type PersonDigests = ReturnType<typeof createPersonDigests>;
