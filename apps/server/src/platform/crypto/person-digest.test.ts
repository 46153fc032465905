import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPersonDigests, type DigestKeyring } from './person-digest.js';

const key = (id: string) => ({ id, secret: randomBytes(32) });
const ring = (...keys: Array<{ id: string; secret: Buffer }>): DigestKeyring => ({
  current: keys.at(-1) ?? key('none'),
  byId: new Map(keys.map((k) => [k.id, k])),
});

describe('person digests (#16 item 2)', () => {
  it('recognises the same number, case of the check character aside, and never contains it', () => {
    const keys = ring(key('k1'));
    const digests = createPersonDigests(() => keys);
    const stored = digests.digest('11010519491231002X');
    expect(stored).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(stored).not.toContain('110105');
    expect(digests.candidates('11010519491231002x')).toContain(stored);
    expect(digests.candidates('110105194912310029')).not.toContain(stored);
  });

  it('depends on the key: another installation cannot match the digest', () => {
    const [ringA, ringB] = [ring(key('k1')), ring(key('k1'))];
    const a = createPersonDigests(() => ringA);
    const b = createPersonDigests(() => ringB);
    expect(a.digest('11010519491231002X')).toBe(a.digest('11010519491231002X'));
    expect(a.digest('11010519491231002X')).not.toBe(b.digest('11010519491231002X'));
  });

  it('still finds digests made under an older key after rotation', () => {
    const old = key('k1');
    let keys = ring(old);
    const digests = createPersonDigests(() => keys);
    const stored = digests.digest('11010519491231002X');
    keys = ring(old, key('k2'));
    expect(digests.digest('11010519491231002X')).toMatch(/^k2:/);
    expect(digests.candidates('11010519491231002X')).toContain(stored);
  });
});
