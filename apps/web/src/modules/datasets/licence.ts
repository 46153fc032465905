import type { DatasetLicence } from '@suilian/contracts';

/** The message key of each licence (SPDX identifiers hold dots, which i18n keys cannot). */
export const LICENCE_KEYS = {
  'CC-BY-4.0': 'ccBy4',
  'CC0-1.0': 'cc0',
  'ODC-By-1.0': 'odcBy',
  restricted: 'restricted',
} as const satisfies Record<DatasetLicence, string>;
