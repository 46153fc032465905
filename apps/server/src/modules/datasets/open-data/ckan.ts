import type { CkanPackage, CkanResource } from '@suilian/contracts';
import { distributionName, downloadUrl, LICENCES, landingPage, MEDIA_TYPES, type PublishedDataset, type Site } from './published.js';

/** CKAN's `help` field: where the action is documented. */
export function ckanHelp(site: Site, action: string): string {
  return `${site.baseUrl}/api/docs#/open-data/${action}`;
}

/**
 * A public dataset as a CKAN package (Action API v3 field names: name, title, notes, license_id,
 * organization, tags, extras, resources with url, format, mimetype, size, hash, last_modified),
 * so CKAN harvesters and clients read it as they read any CKAN site.
 */
export function toCkanPackage(site: Site, { record, distributions }: PublishedDataset): CkanPackage {
  const licence = LICENCES[record.licence];
  const resources: CkanResource[] = distributions.map((d, position) => ({
    id: `${record.id}-${d.format}`,
    package_id: record.id,
    name: distributionName(record, d.format),
    description: record.descriptionZh,
    format: d.format.toUpperCase(),
    mimetype: MEDIA_TYPES[d.format],
    url: downloadUrl(site, record.code, d.format),
    size: d.byteSize,
    hash: `sha256:${d.checksum}`,
    created: record.createdAt.toISOString(),
    last_modified: d.modifiedAt.toISOString(),
    position,
    state: 'active',
    url_type: null,
    resource_type: null,
  }));
  const extras: Array<{ key: string; value: string }> = [
    { key: 'title_en', value: record.titleEn },
    { key: 'notes_en', value: record.descriptionEn },
    { key: 'theme', value: record.theme },
    { key: 'frequency', value: record.frequency },
    { key: 'access_level', value: record.accessLevel },
    { key: 'spatial_text', value: record.spatial },
  ];
  if (record.temporalStart) extras.push({ key: 'temporal_start', value: record.temporalStart });
  if (record.temporalEnd) extras.push({ key: 'temporal_end', value: record.temporalEnd });
  return {
    id: record.id,
    name: record.code,
    title: record.titleZh,
    notes: record.descriptionZh,
    type: 'dataset',
    state: 'active',
    private: false,
    isopen: licence.open,
    url: landingPage(site, record.code),
    version: null,
    author: record.publisher,
    maintainer: record.publisher,
    license_id: record.licence,
    license_title: licence.title,
    license_url: licence.url,
    metadata_created: record.createdAt.toISOString(),
    metadata_modified: record.updatedAt.toISOString(),
    organization: { id: 'suilian', name: 'suilian', title: site.publisher, type: 'organization', is_organization: true },
    tags: record.keywords.map((name) => ({ name, display_name: name, state: 'active', vocabulary_id: null })),
    num_tags: record.keywords.length,
    groups: [],
    extras,
    resources,
    num_resources: resources.length,
  };
}
