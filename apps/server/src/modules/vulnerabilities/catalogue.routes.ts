import {
  AdvisoryDetailSchema,
  AdvisoryImportOutcomeSchema,
  AdvisoryListQuerySchema,
  AdvisorySchema,
  IdParamsSchema,
  JobSchema,
  MAX_ADVISORY_BYTES,
  ManualVulnerabilityInputSchema,
  pageOf,
  UpdateVendorAliasSchema,
  VendorAliasInputSchema,
  VendorAliasSchema,
  VulnerabilityDetailSchema,
  VulnerabilityListQuerySchema,
  VulnerabilitySchema,
} from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { readUploadedFile, type UploadedFile } from '../../platform/tabular/http.js';
import type { AdvisoryService } from './advisory.service.js';
import type { CatalogueService } from './catalogue.service.js';

/** Files one directory import may hold (the whole cisagov/CSAF OT corpus is about 2,400). */
const MAX_DIRECTORY_FILES = 5000;

async function readAllFiles(request: FastifyRequest): Promise<UploadedFile[]> {
  if (!request.isMultipart()) throw fieldError('VALIDATION_FAILED', 'files', 'multipart', 'send the files as multipart/form-data');
  const files: UploadedFile[] = [];
  for await (const part of request.files({ limits: { files: MAX_DIRECTORY_FILES, fileSize: MAX_ADVISORY_BYTES + 1 } }))
    files.push({ name: part.filename, content: await part.toBuffer() });
  return files;
}

const CnvdParamsSchema = z.object({ id: ManualVulnerabilityInputSchema.shape.id }).strict();
const upload = 'multipart/form-data with the JSON document in a part named file';

/** The vulnerability database: advisories (CSAF, CVE, manual CNVD records), vulnerabilities, vendor aliases. */
export function registerCatalogueRoutes(app: FastifyInstance, s: { advisories: AdvisoryService; catalogue: CatalogueService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['security'];
  const base = '/api/security';

  r.get(`${base}/vulnerabilities`, {
    schema: { tags, querystring: VulnerabilityListQuerySchema, response: { 200: pageOf(VulnerabilitySchema) } },
    handler: async (q) => s.catalogue.listVulnerabilities(actorOf(q), q.query),
  });
  r.get(`${base}/vulnerabilities/:id`, {
    schema: { tags, params: IdParamsSchema, response: { 200: VulnerabilityDetailSchema } },
    handler: async (q) => s.catalogue.getVulnerability(actorOf(q), q.params.id),
  });
  r.get(`${base}/advisories`, {
    schema: { tags, querystring: AdvisoryListQuerySchema, response: { 200: pageOf(AdvisorySchema) } },
    handler: async (q) => s.catalogue.listAdvisories(actorOf(q), q.query),
  });
  r.get(`${base}/advisories/:id`, {
    schema: { tags, params: IdParamsSchema, response: { 200: AdvisoryDetailSchema } },
    handler: async (q) => s.catalogue.getAdvisory(actorOf(q), q.params.id),
  });
  r.get(`${base}/advisories/:id/document`, {
    schema: {
      tags,
      params: IdParamsSchema,
      description: 'The newest imported document as it was imported (CSAF / CVE JSON / manual record).',
    },
    handler: async (q) => s.catalogue.advisoryDocument(actorOf(q), q.params.id),
  });
  r.post(`${base}/advisories/csaf`, {
    schema: {
      tags,
      consumes: ['multipart/form-data'],
      description: `${upload}. Validated with @secvisogram/csaf-validator-lib (schema + mandatory tests); an invalid file is refused with the validator's messages and nothing is written. At most ${MAX_ADVISORY_BYTES} bytes (413). The same or an older tracking version is skipped; a newer one updates the advisory and keeps its history.`,
      response: { 200: AdvisoryImportOutcomeSchema },
    },
    handler: async (q) => s.advisories.importCsaf(actorOf(q), () => readUploadedFile(q)),
  });
  r.post(`${base}/advisories/cve`, {
    schema: {
      tags,
      consumes: ['multipart/form-data'],
      description: `${upload} (a CVE JSON 5.x record).`,
      response: { 200: AdvisoryImportOutcomeSchema },
    },
    handler: async (q) => s.advisories.importCve(actorOf(q), () => readUploadedFile(q)),
  });
  r.post(`${base}/advisories/csaf-directory`, {
    schema: {
      tags,
      consumes: ['multipart/form-data'],
      description: `A directory of CSAF files (each in a part of its own, at most ${MAX_DIRECTORY_FILES}) imported as a job: follow /api/jobs/:id; result: DirectoryImportResult. Idempotent by tracking id and version, so re-running an interrupted import resumes it.`,
      response: { 202: JobSchema },
    },
    handler: async (q, reply) => reply.status(202).send(await s.advisories.startDirectoryImport(actorOf(q), await readAllFiles(q))),
  });
  r.post(`${base}/manual-records`, {
    schema: {
      tags,
      body: ManualVulnerabilityInputSchema,
      response: { 201: AdvisoryImportOutcomeSchema },
      description: 'A CNVD / CICSVD record entered by an analyst.',
    },
    handler: async (q, reply) => reply.status(201).send(await s.advisories.createManual(actorOf(q), q.body)),
  });
  r.put(`${base}/manual-records/:id`, {
    schema: { tags, params: CnvdParamsSchema, body: ManualVulnerabilityInputSchema, response: { 200: AdvisoryImportOutcomeSchema } },
    handler: async (q) => s.advisories.updateManual(actorOf(q), q.params.id, q.body),
  });
  r.get(`${base}/vendor-aliases`, {
    schema: { tags, response: { 200: z.array(VendorAliasSchema) } },
    handler: async (q) => s.catalogue.listAliases(actorOf(q)),
  });
  r.post(`${base}/vendor-aliases`, {
    schema: { tags, body: VendorAliasInputSchema, response: { 201: VendorAliasSchema } },
    handler: async (q, reply) => reply.status(201).send(await s.catalogue.createAlias(actorOf(q), q.body)),
  });
  r.put(`${base}/vendor-aliases/:id`, {
    schema: { tags, params: IdParamsSchema, body: UpdateVendorAliasSchema, response: { 200: VendorAliasSchema } },
    handler: async (q) => s.catalogue.updateAlias(actorOf(q), q.params.id, q.body),
  });
  r.delete(`${base}/vendor-aliases/:id`, {
    schema: { tags, params: IdParamsSchema },
    handler: async (q, reply) => {
      await s.catalogue.deleteAlias(actorOf(q), q.params.id);
      return reply.status(204).send();
    },
  });
}
