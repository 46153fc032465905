import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../../../platform/paths.js';
import { csafRemediations } from './csaf-remediations.js';

describe('CSAF remediations for the finding detail (#12 item 7)', () => {
  const document = readFileSync(join(REFERENCE_DIR, 'csaf', 'icsa-23-208-03.json'), 'utf8');
  const cve = (JSON.parse(document) as { vulnerabilities: Array<{ cve: string }> }).vulnerabilities[0]?.cve ?? '';

  it('reads the remediations of the vulnerability, in document order, from the text as imported', () => {
    const found = csafRemediations(document, { cve, key: cve }, 'ICSA-23-208-03');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ advisory: 'ICSA-23-208-03', category: expect.any(String), details: expect.any(String) });
    expect(csafRemediations(JSON.parse(document), { cve, key: cve }, 'x')).toEqual(found.map((r) => ({ ...r, advisory: 'x' })));
  });

  it('gives nothing for another vulnerability or for a document that is not CSAF', () => {
    expect(csafRemediations(document, { cve: 'CVE-1999-0001', key: 'CVE-1999-0001' }, 'x')).toEqual([]);
    expect(csafRemediations('not json', { cve, key: cve }, 'x')).toEqual([]);
    expect(
      csafRemediations({ vulnerabilities: [{ cve, remediations: [{ category: 'bogus', details: 'x' }] }] }, { cve, key: cve }, 'x'),
    ).toEqual([]);
  });
});
