import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import type { DatasetRecord, DistributionRecord } from '../dataset.repo.js';
import { toCkanPackage } from './ckan.js';
import { catalogQuads, PREFIXES, toJsonLd, toTurtle } from './dcat.js';
import type { Site } from './published.js';

const site: Site = { baseUrl: 'https://data.example.cn', title: { zh: '穗联', en: 'Suilian' }, publisher: '广州市工业和信息化局' };
const at = new Date('2026-06-01T08:00:00Z');
const record: DatasetRecord = {
  id: '0b7f3c1e-4d2a-4b8e-9f1a-2c3d4e5f6a7b',
  code: 'gz-5g-factories',
  titleZh: '广州市 5G 工厂名录',
  titleEn: 'Guangzhou 5G factories',
  descriptionZh: '5G 工厂 "名录"',
  descriptionEn: 'The factories',
  publisher: '广州市工业和信息化局',
  theme: 'TECH',
  keywords: ['5G工厂', '应用场景'],
  licence: 'CC0-1.0',
  frequency: 'quarterly',
  accessLevel: 'public',
  temporalStart: '2025-01-01',
  temporalEnd: '2026-12-31',
  spatial: '广州市',
  source: { kind: 'query', query: 'factories' },
  uploadRows: null,
  createdBy: null,
  createdAt: at,
  updatedAt: at,
  version: 1,
};
const distributions: DistributionRecord[] = (['csv', 'json'] as const).map((format) => ({
  datasetId: record.id,
  format,
  byteSize: 1234,
  checksum: 'ab'.repeat(32),
  rowCount: 10,
  fingerprint: 'f',
  modifiedAt: at,
}));

describe('CKAN package mapping (#16 item 3)', () => {
  it('uses CKAN’s field names for the package and its resources', () => {
    const pkg = toCkanPackage(site, { record, distributions });
    expect(pkg).toMatchObject({
      id: record.id,
      name: 'gz-5g-factories',
      title: '广州市 5G 工厂名录',
      notes: '5G 工厂 "名录"',
      license_id: 'CC0-1.0',
      license_url: 'https://creativecommons.org/publicdomain/zero/1.0/',
      isopen: true,
      num_resources: 2,
      num_tags: 2,
      url: 'https://data.example.cn/open-data/gz-5g-factories',
    });
    expect(pkg.tags.map((t) => t.name)).toEqual(['5G工厂', '应用场景']);
    expect(pkg.resources[0]).toMatchObject({
      format: 'CSV',
      mimetype: 'text/csv',
      size: 1234,
      hash: `sha256:${'ab'.repeat(32)}`,
      url: 'https://data.example.cn/api/public/datasets/gz-5g-factories/distributions/csv',
      last_modified: at.toISOString(),
    });
    expect(pkg.extras).toContainEqual({ key: 'frequency', value: 'quarterly' });
  });
});

describe('DCAT-AP mapping (#16 item 3)', () => {
  const quads = catalogQuads(site, [{ record, distributions }], at);
  const has = (s: string, p: string, o: string) =>
    quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
  const ds = 'https://data.example.cn/dataset/gz-5g-factories';

  it('describes the dataset with DCAT-AP terms and vocabularies', () => {
    expect(has(ds, `${PREFIXES.rdf}type`, `${PREFIXES.dcat}Dataset`)).toBe(true);
    expect(has(ds, `${PREFIXES.dct}accrualPeriodicity`, 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY')).toBe(true);
    expect(has(ds, `${PREFIXES.dcat}theme`, 'http://publications.europa.eu/resource/authority/data-theme/TECH')).toBe(true);
    const dist = `${ds}/distribution/csv`;
    expect(has(dist, `${PREFIXES.dcat}mediaType`, 'http://www.iana.org/assignments/media-types/text/csv')).toBe(true);
    expect(has(dist, `${PREFIXES.dct}license`, 'https://creativecommons.org/publicdomain/zero/1.0/')).toBe(true);
    expect(has(dist, `${PREFIXES.dcat}byteSize`, '1234')).toBe(true);
  });

  it('writes Turtle that parses back to the same quads, escaping quotes', async () => {
    const parsed = new Parser().parse(await toTurtle(quads));
    expect(parsed.length).toBe(quads.length);
    expect(parsed.some((q) => q.object.value === '5G 工厂 "名录"' && q.object.termType === 'Literal')).toBe(true);
  });

  it('writes JSON-LD nodes by subject with typed and language-tagged values', () => {
    const doc = toJsonLd(quads) as { '@graph': Array<Record<string, unknown>> };
    const node = doc['@graph'].find((n) => n['@id'] === ds) as Record<string, unknown>;
    expect(node['@type']).toEqual([`${PREFIXES.dcat}Dataset`]);
    expect(node[`${PREFIXES.dct}title`]).toContainEqual({ '@value': 'Guangzhou 5G factories', '@language': 'en' });
    const dist = doc['@graph'].find((n) => n['@id'] === `${ds}/distribution/csv`) as Record<string, unknown>;
    expect(dist[`${PREFIXES.dcat}byteSize`]).toEqual([{ '@value': '1234', '@type': `${PREFIXES.xsd}nonNegativeInteger` }]);
  });
});
