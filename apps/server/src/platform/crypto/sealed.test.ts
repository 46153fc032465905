import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataKeyMissingError, dataKeyringOf, generateDataKey, openDataKeys } from './data-keys.js';
import { createSealer, isSealed, SealedValueError } from './sealed.js';

/** Sealed values: SM4-CTR + HMAC-SM3, versioned envelope (issue #11, ADR 0014). */
describe('sealed values', () => {
  const first = generateDataKey();
  const second = generateDataKey();
  const sealer = createSealer(() => dataKeyringOf([first]));
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('round-trips, with a fresh IV each time and no plaintext in the envelope', () => {
    const a = sealer.seal(secret, 'totp:u1');
    const b = sealer.seal(secret, 'totp:u1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^s1:[0-9a-f]{12}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(a).not.toContain(secret);
    expect(isSealed(a)).toBe(true);
    expect(isSealed(secret)).toBe(false);
    expect(sealer.open(a, 'totp:u1')).toBe(secret);
    expect(sealer.open(sealer.seal('', 'x'), 'x')).toBe('');
    expect(sealer.open(sealer.seal('穗联', 'x'), 'x')).toBe('穗联');
  });

  it('detects tampering with any part, and a value moved to another context', () => {
    const sealed = sealer.seal(secret, 'totp:u1');
    const parts = sealed.split(':');
    for (const index of [2, 3, 4]) {
      const altered = [...parts];
      const text = altered[index] ?? '';
      altered[index] = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
      expect(() => sealer.open(altered.join(':'), 'totp:u1'), `part ${index}`).toThrow(SealedValueError);
    }
    expect(() => sealer.open(sealed, 'totp:u2')).toThrow(SealedValueError);
    expect(() => sealer.open(`${sealed}:x`, 'totp:u1')).toThrow(SealedValueError);
    expect(() => sealer.open(secret, 'totp:u1')).toThrow(SealedValueError);
  });

  it('refuses a wrong key, and opens old values after a new key is added (rotation)', () => {
    const sealed = sealer.seal(secret, 'c');
    const other = createSealer(() => dataKeyringOf([second]));
    expect(() => other.open(sealed, 'c')).toThrow(/not in the key file/);
    // The same key id with another secret (a replaced file) fails the tag, not silently.
    const impostor = createSealer(() => ({
      current: { id: first.id, secret: second.secret },
      byId: new Map([[first.id, { id: first.id, secret: second.secret }]]),
    }));
    expect(() => impostor.open(sealed, 'c')).toThrow(/does not match/);
    const rotated = createSealer(() => dataKeyringOf([first, second]));
    expect(rotated.open(sealed, 'c')).toBe(secret);
    expect(rotated.seal(secret, 'c').split(':')[1]).toBe(second.id);
  });

  describe('the key file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suilian-data-keys-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is created with mode 0600 on first start and read again after', async () => {
      const file = join(dir, 'keys', 'data.key');
      const created = await openDataKeys({ file, hasSealedData: async () => false });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
      const again = await openDataKeys({ file, hasSealedData: async () => true });
      expect(again.current.id).toBe(created.current.id);
    });

    it('is not silently replaced when sealed values exist, and warns about loose permissions', async () => {
      await expect(openDataKeys({ file: join(dir, 'gone.key'), hasSealedData: async () => true })).rejects.toThrow(DataKeyMissingError);
      const loose = join(dir, 'loose.key');
      writeFileSync(loose, `${first.secret.toString('hex')}\n`, { mode: 0o644 });
      const warnings: string[] = [];
      const ring = await openDataKeys({ file: loose, hasSealedData: async () => true, warn: (m) => warnings.push(m) });
      expect(ring.current.id).toBe(first.id);
      expect(warnings.join()).toMatch(/chmod 600/);
    });
  });
});
