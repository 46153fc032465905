import type { DatasetFrequency } from '@suilian/contracts';
import { DataFactory, type Quad, type Quad_Object, type Quad_Subject, Writer } from 'n3';
import {
  datasetIri,
  distributionName,
  downloadUrl,
  LICENCES,
  landingPage,
  MEDIA_TYPES,
  type PublishedDataset,
  type Site,
} from './published.js';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** The vocabularies of DCAT-AP, with the prefixes both serialisations use. */
export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;
type Prefix = keyof typeof PREFIXES;
const term = (name: `${Prefix}:${string}`) => {
  const [prefix, local] = name.split(':') as [Prefix, string];
  return namedNode(PREFIXES[prefix] + local);
};

const EU = 'http://publications.europa.eu/resource/authority/';
const FREQUENCIES: Record<DatasetFrequency, string> = {
  daily: 'DAILY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  annual: 'ANNUAL',
  irregular: 'IRREG',
};
const FILE_TYPES = { csv: 'CSV', json: 'JSON', xlsx: 'XLSX' } as const;

const dateLiteral = (value: string) => literal(value, term('xsd:date'));
const dateTimeLiteral = (value: Date) => literal(value.toISOString(), term('xsd:dateTime'));

/**
 * The DCAT-AP catalogue of the public datasets as RDF quads: a dcat:Catalog (title, description,
 * publisher, homepage, language) with each dataset a dcat:Dataset (identifier, titles and
 * descriptions in zh and en, keywords, theme, publisher as foaf:Agent, contact point as
 * vcard:Organization, frequency, temporal and spatial coverage, access rights) and each
 * distribution a dcat:Distribution (access and download URL, dct:license, dcat:mediaType,
 * dct:format, byte size, SPDX checksum, modified).
 */
export function catalogQuads(site: Site, datasets: readonly PublishedDataset[], modified: Date): Quad[] {
  const quads: Quad[] = [];
  const add = (s: Quad_Subject, p: `${Prefix}:${string}`, o: Quad_Object) => quads.push(quad(s, term(p), o));
  const catalog = namedNode(`${site.baseUrl}/catalog`);
  const publisher = namedNode(`${site.baseUrl}/#publisher`);
  add(catalog, 'rdf:type', term('dcat:Catalog'));
  add(catalog, 'dct:title', literal(site.title.zh, 'zh'));
  add(catalog, 'dct:title', literal(site.title.en, 'en'));
  add(catalog, 'dct:description', literal(`${site.title.zh}的开放数据目录`, 'zh'));
  add(catalog, 'dct:description', literal(`The open data catalogue of ${site.title.en}`, 'en'));
  add(catalog, 'dct:publisher', publisher);
  add(catalog, 'foaf:homepage', namedNode(`${site.baseUrl}/`));
  add(catalog, 'dct:language', namedNode(`${EU}language/ZHO`));
  add(catalog, 'dct:modified', dateTimeLiteral(modified));
  add(publisher, 'rdf:type', term('foaf:Agent'));
  add(publisher, 'foaf:name', literal(site.publisher, 'zh'));

  for (const { record, distributions } of datasets) {
    const ds = namedNode(datasetIri(site, record.code));
    add(catalog, 'dcat:dataset', ds);
    add(ds, 'rdf:type', term('dcat:Dataset'));
    add(ds, 'dct:identifier', literal(record.code));
    add(ds, 'dct:title', literal(record.titleZh, 'zh'));
    add(ds, 'dct:title', literal(record.titleEn, 'en'));
    add(ds, 'dct:description', literal(record.descriptionZh, 'zh'));
    add(ds, 'dct:description', literal(record.descriptionEn, 'en'));
    for (const keyword of record.keywords) add(ds, 'dcat:keyword', literal(keyword, 'zh'));
    add(ds, 'dcat:theme', namedNode(`${EU}data-theme/${record.theme}`));
    add(ds, 'dct:publisher', publisher);
    add(ds, 'dct:accrualPeriodicity', namedNode(`${EU}frequency/${FREQUENCIES[record.frequency]}`));
    add(ds, 'dct:accessRights', namedNode(`${EU}access-right/PUBLIC`));
    add(ds, 'dct:issued', dateTimeLiteral(record.createdAt));
    add(ds, 'dct:modified', dateTimeLiteral(record.updatedAt));
    add(ds, 'dcat:landingPage', namedNode(landingPage(site, record.code)));
    const contact = blankNode(`contact_${record.code.replace(/[^a-z0-9]/g, '_')}`);
    add(ds, 'dcat:contactPoint', contact);
    add(contact, 'rdf:type', term('vcard:Organization'));
    add(contact, 'vcard:fn', literal(record.publisher, 'zh'));
    add(contact, 'vcard:hasURL', namedNode(`${site.baseUrl}/`));
    if (record.temporalStart || record.temporalEnd) {
      const period = blankNode(`period_${record.code.replace(/[^a-z0-9]/g, '_')}`);
      add(ds, 'dct:temporal', period);
      add(period, 'rdf:type', term('dct:PeriodOfTime'));
      if (record.temporalStart) add(period, 'dcat:startDate', dateLiteral(record.temporalStart));
      if (record.temporalEnd) add(period, 'dcat:endDate', dateLiteral(record.temporalEnd));
    }
    const place = blankNode(`place_${record.code.replace(/[^a-z0-9]/g, '_')}`);
    add(ds, 'dct:spatial', place);
    add(place, 'rdf:type', term('dct:Location'));
    add(place, 'skos:prefLabel', literal(record.spatial, 'zh'));

    for (const d of distributions) {
      const dist = namedNode(`${datasetIri(site, record.code)}/distribution/${d.format}`);
      const url = namedNode(downloadUrl(site, record.code, d.format));
      add(ds, 'dcat:distribution', dist);
      add(dist, 'rdf:type', term('dcat:Distribution'));
      add(dist, 'dct:title', literal(distributionName(record, d.format), 'zh'));
      add(dist, 'dcat:accessURL', url);
      add(dist, 'dcat:downloadURL', url);
      add(dist, 'dct:license', namedNode(LICENCES[record.licence].url));
      add(dist, 'dcat:mediaType', namedNode(`http://www.iana.org/assignments/media-types/${MEDIA_TYPES[d.format]}`));
      add(dist, 'dct:format', namedNode(`${EU}file-type/${FILE_TYPES[d.format]}`));
      add(dist, 'dcat:byteSize', literal(String(d.byteSize), term('xsd:nonNegativeInteger')));
      add(dist, 'dct:modified', dateTimeLiteral(d.modifiedAt));
      const checksum = blankNode(`checksum_${record.code.replace(/[^a-z0-9]/g, '_')}_${d.format}`);
      add(dist, 'spdx:checksum', checksum);
      add(checksum, 'rdf:type', term('spdx:Checksum'));
      add(checksum, 'spdx:algorithm', term('spdx:checksumAlgorithm_sha256'));
      add(checksum, 'spdx:checksumValue', literal(d.checksum, term('xsd:hexBinary')));
    }
  }
  return quads;
}

/** The quads as Turtle, with the DCAT-AP prefixes. */
export function toTurtle(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: PREFIXES });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

function jsonLdObject(object: Quad_Object): JsonLdValue {
  if (object.termType === 'NamedNode') return { '@id': object.value };
  if (object.termType === 'BlankNode') return { '@id': `_:${object.value}` };
  if (object.termType !== 'Literal') throw new Error(`unexpected ${object.termType} in the catalogue`);
  if (object.language) return { '@value': object.value, '@language': object.language };
  const type = object.datatype.value;
  return type === `${PREFIXES.xsd}string` ? { '@value': object.value } : { '@value': object.value, '@type': type };
}

/**
 * The same quads as a JSON-LD document: one node per subject in `@graph`, properties as full IRIs
 * (no remote context to fetch), `@context` carrying the prefixes for readers.
 */
export function toJsonLd(quads: readonly Quad[]): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const q of quads) {
    const id = q.subject.termType === 'BlankNode' ? `_:${q.subject.value}` : q.subject.value;
    const node = nodes.get(id) ?? { '@id': id };
    nodes.set(id, node);
    if (q.predicate.value === `${PREFIXES.rdf}type`) {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), q.object.value];
      continue;
    }
    const values = (node[q.predicate.value] as JsonLdValue[] | undefined) ?? [];
    values.push(jsonLdObject(q.object as Quad_Object));
    node[q.predicate.value] = values;
  }
  return { '@context': { ...PREFIXES }, '@graph': [...nodes.values()] };
}
