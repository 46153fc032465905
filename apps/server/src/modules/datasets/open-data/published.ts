import type { DatasetLicence, DistributionFormat } from '@suilian/contracts';
import type { DatasetListing, DistributionRecord } from '../dataset.repo.js';
import { MEDIA_TYPES } from '../distribution.js';

/** A public dataset as the open-data mappers (CKAN, DCAT) see it. */
export interface PublishedDataset {
  record: DatasetListing;
  distributions: DistributionRecord[];
}

/** What the mappers need of the site: its public base URL (no trailing slash) and its name. */
export interface Site {
  baseUrl: string;
  title: { zh: string; en: string };
  publisher: string;
}

export const LICENCES: Record<DatasetLicence, { title: string; url: string; open: boolean }> = {
  'CC-BY-4.0': { title: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', open: true },
  'CC0-1.0': { title: 'Creative Commons CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/', open: true },
  'ODC-By-1.0': { title: 'Open Data Commons Attribution License 1.0', url: 'https://opendatacommons.org/licenses/by/1-0/', open: true },
  restricted: { title: 'Restricted (not open data)', url: 'https://spdx.org/licenses/LicenseRef-restricted', open: false },
};

/** The URL a harvester downloads a distribution from (anonymous, rate-limited). */
export function downloadUrl(site: Site, code: string, format: DistributionFormat): string {
  return `${site.baseUrl}/api/public/datasets/${encodeURIComponent(code)}/distributions/${format}`;
}

/** The dataset's page on the portal (its landing page). */
export function landingPage(site: Site, code: string): string {
  return `${site.baseUrl}/open-data/${encodeURIComponent(code)}`;
}

/** The dataset's IRI in the DCAT catalogue. */
export function datasetIri(site: Site, code: string): string {
  return `${site.baseUrl}/dataset/${encodeURIComponent(code)}`;
}

export function distributionName(record: DatasetListing, format: DistributionFormat): string {
  return `${record.titleZh}（${format.toUpperCase()}）`;
}

export { MEDIA_TYPES };
