import { z } from 'zod';
import type { Endpoint } from '../api/endpoint.js';
import { defineEndpoints } from '../api/endpoint.js';
import { exportQueryOf, listExportSpec } from '../api/list-export.js';
import { IdParamsSchema, pageOf } from '../common.js';
import { JobSchema } from '../jobs.js';
import {
  AdvisoryDetailSchema,
  AdvisoryImportOutcomeSchema,
  AdvisoryListQuerySchema,
  AdvisorySchema,
  MAX_ADVISORY_BYTES,
  MAX_CSAF_DIRECTORY_FILES,
  MAX_CSAF_DIRECTORY_MB,
  ManualRecordParamsSchema,
  ManualVulnerabilityInputSchema,
  UpdateVendorAliasSchema,
  VendorAliasInputSchema,
  VendorAliasSchema,
  VulnerabilityDetailSchema,
  VulnerabilityListQuerySchema,
  VulnerabilitySchema,
} from '../vulnerabilities.js';
import { securityLoopEndpoints } from './security-loop.js';

const tags = ['security'];
const base = '/api/security';

const oneDocument = 'multipart/form-data with the JSON document in a part named file';

/** The vulnerability database: advisories (CSAF, CVE, manual CNVD records), vulnerabilities, vendor aliases. */
const catalogueEndpoints = defineEndpoints({
  listVulnerabilities: {
    method: 'GET',
    path: `${base}/vulnerabilities`,
    access: 'vuln:read',
    tags,
    query: VulnerabilityListQuerySchema,
    success: 200,
    response: pageOf(VulnerabilitySchema),
  },
  exportVulnerabilities: listExportSpec({
    path: `${base}/vulnerabilities/export`,
    access: 'vuln:read',
    tags,
    query: exportQueryOf(VulnerabilityListQuerySchema),
  }),
  getVulnerability: {
    method: 'GET',
    path: `${base}/vulnerabilities/:id`,
    access: 'vuln:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: VulnerabilityDetailSchema,
  },
  listAdvisories: {
    method: 'GET',
    path: `${base}/advisories`,
    access: 'vuln:read',
    tags,
    query: AdvisoryListQuerySchema,
    success: 200,
    response: pageOf(AdvisorySchema),
  },
  getAdvisory: {
    method: 'GET',
    path: `${base}/advisories/:id`,
    access: 'vuln:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: AdvisoryDetailSchema,
  },
  downloadAdvisoryDocument: {
    method: 'GET',
    path: `${base}/advisories/:id/document`,
    access: 'vuln:read',
    tags,
    description: 'The newest imported document as it was imported (CSAF / CVE JSON / manual record).',
    params: IdParamsSchema,
    success: 200,
    responseKind: 'file',
  },
  importCsafAdvisory: {
    method: 'POST',
    path: `${base}/advisories/csaf`,
    access: 'vuln:manage',
    tags,
    description: `${oneDocument}. Validated with @secvisogram/csaf-validator-lib (schema + mandatory tests); an invalid file is refused with the validator's messages and nothing is written. At most ${MAX_ADVISORY_BYTES} bytes (413). The same or an older tracking version is skipped; a newer one updates the advisory and keeps its history.`,
    upload: true,
    success: 200,
    response: AdvisoryImportOutcomeSchema,
  },
  importCveRecord: {
    method: 'POST',
    path: `${base}/advisories/cve`,
    access: 'vuln:manage',
    tags,
    description: `${oneDocument} (a CVE JSON 5.x record).`,
    upload: true,
    success: 200,
    response: AdvisoryImportOutcomeSchema,
  },
  importCsafDirectory: {
    method: 'POST',
    path: `${base}/advisories/csaf-directory`,
    access: 'vuln:manage',
    tags,
    description: `A directory of CSAF files (each in a part of its own) imported as a job: follow /api/jobs/:id; result: DirectoryImportResult, every rejected file named with its reason code. At most CSAF_DIRECTORY_MAX_FILES files (default ${MAX_CSAF_DIRECTORY_FILES}) and CSAF_DIRECTORY_MAX_MB MiB in total (default ${MAX_CSAF_DIRECTORY_MB}): more is refused with 413 and reason advisory.directory_too_many_files / advisory.directory_too_large naming the limit. Idempotent by tracking id and version, so re-running an interrupted import resumes it; a newer version keeps the older ones as revisions.`,
    upload: true,
    success: 202,
    response: JobSchema,
  },
  createManualRecord: {
    method: 'POST',
    path: `${base}/manual-records`,
    access: 'vuln:manage',
    tags,
    description: 'A CNVD / CICSVD record entered by an analyst.',
    body: ManualVulnerabilityInputSchema,
    success: 201,
    response: AdvisoryImportOutcomeSchema,
  },
  updateManualRecord: {
    method: 'PUT',
    path: `${base}/manual-records/:id`,
    access: 'vuln:manage',
    tags,
    params: ManualRecordParamsSchema,
    body: ManualVulnerabilityInputSchema,
    success: 200,
    response: AdvisoryImportOutcomeSchema,
  },
  listVendorAliases: {
    method: 'GET',
    path: `${base}/vendor-aliases`,
    access: 'vuln:read',
    tags,
    success: 200,
    response: z.array(VendorAliasSchema),
  },
  createVendorAlias: {
    method: 'POST',
    path: `${base}/vendor-aliases`,
    access: 'vuln:manage',
    tags,
    body: VendorAliasInputSchema,
    success: 201,
    response: VendorAliasSchema,
  },
  updateVendorAlias: {
    method: 'PUT',
    path: `${base}/vendor-aliases/:id`,
    access: 'vuln:manage',
    tags,
    params: IdParamsSchema,
    body: UpdateVendorAliasSchema,
    success: 200,
    response: VendorAliasSchema,
  },
  deleteVendorAlias: {
    method: 'DELETE',
    path: `${base}/vendor-aliases/:id`,
    access: 'vuln:manage',
    tags,
    params: IdParamsSchema,
    success: 204,
  },
});

/** Joins the domain's two groups; a name in both would silently hide one endpoint, so it fails here. */
function joined<A extends Record<string, Endpoint>, B extends Record<string, Endpoint>>(a: A, b: B): A & B {
  const twice = Object.keys(a).filter((name) => name in b);
  if (twice.length > 0) throw new Error(`security endpoints declared twice: ${twice.join(', ')}`);
  return { ...a, ...b };
}

/** The vulnerability database and its closed loop: assets, matches, findings, scans, notices (issue #5). */
export const securityEndpoints = joined(catalogueEndpoints, securityLoopEndpoints);
