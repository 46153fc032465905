import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../../platform/paths.js';
import { checkCveRecord, compareTrackingVersions, incomingCsaf, incomingCve, incomingManual } from './advisory.incoming.js';

const read = (dir: string, name: string) => readFileSync(join(REFERENCE_DIR, dir, name), 'utf8');

describe('advisory readers', () => {
  it('orders tracking versions: integers, semantic versions, CVE timestamps', () => {
    expect(compareTrackingVersions('2', '1')).toBe(1);
    expect(compareTrackingVersions('10', '9')).toBe(1);
    expect(compareTrackingVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareTrackingVersions('1.0.1', '1.0.0')).toBe(1);
    expect(compareTrackingVersions('1', '1.0.0')).toBe(0);
    expect(compareTrackingVersions('2024-10-15T09:00:00.000Z', '2024-11-01T00:00:00.000Z')).toBe(-1);
  });

  it('reads a CSAF advisory’s tracking facts and revision history', () => {
    const raw = read('csaf', 'icsa-24-289-02.json');
    const a = incomingCsaf(JSON.parse(raw), raw);
    expect(a).toMatchObject({ source: 'csaf', trackingId: 'ICSA-24-289-02', trackingVersion: '1.0.0', publisher: expect.any(String) });
    expect(a.revisionHistory.length).toBeGreaterThan(0);
    expect(a.extraction.vulnerabilities.map((v) => v.id)).toContain('CVE-2024-8531');
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks and reads a CVE JSON 5 record; its dateUpdated is the version', () => {
    const raw = read('cve', 'CVE-2024-42345.json');
    const record = JSON.parse(raw);
    expect(checkCveRecord(record)).toEqual([]);
    const a = incomingCve(record, raw);
    expect(a).toMatchObject({ source: 'cve', trackingId: 'CVE-2024-42345', trackingVersion: record.cveMetadata.dateUpdated });
    expect(checkCveRecord({ dataType: 'CVE_RECORD', dataVersion: '4.0', cveMetadata: { cveId: 'CVE-1' } })).toEqual([
      'dataVersion: must be 5.x',
      'cveMetadata.cveId: must be CVE-YYYY-NNNN',
      'containers.cna: required',
    ]);
  });

  it('keys a manual CNVD record by its CVE when it names one, else by its CNVD id', () => {
    const base = {
      id: 'CNVD-2024-00001',
      titleZh: '某PLC拒绝服务漏洞',
      descriptionZh: '描述',
      publishedAt: '2024-05-01',
      products: [{ vendor: '某厂商', product: '某PLC', models: [], versions: 'V1.0-V2.3', status: 'known_affected' as const }],
    };
    const own = incomingManual(base, '1');
    expect(own.extraction.vulnerabilities[0]?.id).toBe('CNVD-2024-00001');
    expect(own.extraction.entries[0]).toMatchObject({ vendor: '某厂商', versionRaw: 'V1.0-V2.3', vulnerabilityId: 'CNVD-2024-00001' });
    const joined = incomingManual({ ...base, cve: 'CVE-2024-0001' }, '2');
    expect(joined.extraction.vulnerabilities[0]).toMatchObject({ id: 'CVE-2024-0001', cve: 'CVE-2024-0001' });
    expect(joined.texts.get('CVE-2024-0001')?.cnvd).toBe('CNVD-2024-00001');
  });
});
