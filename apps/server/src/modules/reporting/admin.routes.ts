import {
  BatchValidationQuerySchema,
  BatchValidationResultSchema,
  CodeParamsSchema,
  DataElementInputSchema,
  DataElementSchema,
  DataElementUpdateSchema,
  DataSetConfigSchema,
  DataSetInputSchema,
  DataSetUpdateSchema,
  DataValueExportQuerySchema,
  DataValueImportQuerySchema,
  DataValueImportResultSchema,
  FormParamsSchema,
  RuleListQuerySchema,
  TemplateQuerySchema,
  ValidationRuleConfigSchema,
  ValidationRuleInputSchema,
  ValidationRuleUpdateSchema,
} from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.js';
import { readUploadedFile, sendWorkbook } from '../../platform/tabular/http.js';
import { writeViolations } from './batch/batch-export.js';
import type { createBatchValidation } from './batch/batch-validation.js';
import type { ConfigService } from './config/config.service.js';
import type { TransferService } from './transfer/transfer.service.js';

/** 报送配置, 批量校验 and the Excel/CSV routes of periodic reporting. */
export function registerReportingAdminRoutes(
  app: FastifyInstance,
  config: ConfigService,
  batch: ReturnType<typeof createBatchValidation>,
  transfer: TransferService,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const base = '/api/reporting/config';

  r.get(`${base}/data-elements`, {
    schema: { tags, response: { 200: z.array(DataElementSchema) } },
    handler: async (q) => config.listElements(actorOf(q)),
  });
  r.post(`${base}/data-elements`, {
    schema: { tags, body: DataElementInputSchema, response: { 201: DataElementSchema } },
    handler: async (q, reply) => reply.status(201).send(await config.createElement(actorOf(q), q.body)),
  });
  r.put(`${base}/data-elements/:code`, {
    schema: { tags, params: CodeParamsSchema, body: DataElementUpdateSchema, response: { 200: DataElementSchema } },
    handler: async (q) => config.updateElement(actorOf(q), q.params.code, q.body),
  });
  r.delete(`${base}/data-elements/:code`, {
    schema: { tags, params: CodeParamsSchema },
    handler: async (q, reply) => {
      await config.deleteElement(actorOf(q), q.params.code);
      return reply.status(204).send();
    },
  });

  r.get(`${base}/data-sets`, {
    schema: { tags, response: { 200: z.array(DataSetConfigSchema) } },
    handler: async (q) => config.listDataSets(actorOf(q)),
  });
  r.post(`${base}/data-sets`, {
    schema: { tags, body: DataSetInputSchema, response: { 201: DataSetConfigSchema } },
    handler: async (q, reply) => reply.status(201).send(await config.createDataSet(actorOf(q), q.body)),
  });
  r.put(`${base}/data-sets/:code`, {
    schema: { tags, params: CodeParamsSchema, body: DataSetUpdateSchema, response: { 200: DataSetConfigSchema } },
    handler: async (q) => config.updateDataSet(actorOf(q), q.params.code, q.body),
  });
  r.delete(`${base}/data-sets/:code`, {
    schema: { tags, params: CodeParamsSchema },
    handler: async (q, reply) => {
      await config.deleteDataSet(actorOf(q), q.params.code);
      return reply.status(204).send();
    },
  });

  r.get(`${base}/validation-rules`, {
    schema: { tags, querystring: RuleListQuerySchema, response: { 200: z.array(ValidationRuleConfigSchema) } },
    handler: async (q) => config.listRules(actorOf(q), q.query.dataSet),
  });
  r.post(`${base}/validation-rules`, {
    schema: { tags, body: ValidationRuleInputSchema, response: { 201: ValidationRuleConfigSchema } },
    handler: async (q, reply) => reply.status(201).send(await config.createRule(actorOf(q), q.body)),
  });
  r.put(`${base}/validation-rules/:code`, {
    schema: { tags, params: CodeParamsSchema, body: ValidationRuleUpdateSchema, response: { 200: ValidationRuleConfigSchema } },
    handler: async (q) => config.updateRule(actorOf(q), q.params.code, q.body),
  });
  r.delete(`${base}/validation-rules/:code`, {
    schema: { tags, params: CodeParamsSchema },
    handler: async (q, reply) => {
      await config.deleteRule(actorOf(q), q.params.code);
      return reply.status(204).send();
    },
  });

  r.get('/api/reporting/validation/batch', {
    schema: {
      tags,
      description: 'Runs every validation rule of a data set over a range of periods and the districts in scope; returns the violations.',
      querystring: BatchValidationQuerySchema,
      response: { 200: BatchValidationResultSchema },
    },
    handler: async (q) => batch(actorOf(q), q.query),
  });
  r.get('/api/reporting/validation/batch/export', {
    schema: { tags, description: 'The batch validation violations as .xlsx.', querystring: BatchValidationQuerySchema },
    handler: async (q, reply) => {
      const result = await batch(actorOf(q), q.query);
      return sendWorkbook(reply, `批量校验_${result.dataSet}_${q.query.from}-${q.query.to}.xlsx`, await writeViolations(result));
    },
  });

  r.get('/api/reporting/forms/:dataSet/:period/template', {
    schema: {
      tags,
      description: 'The form as an .xlsx template pre-filled with the stored values; only 数值 and 备注 are unlocked.',
      params: FormParamsSchema,
      querystring: TemplateQuerySchema,
    },
    handler: async (q, reply) => {
      const { content, fileName } = await transfer.template(actorOf(q), q.params.dataSet, q.params.period, q.query.orgUnit);
      return sendWorkbook(reply, fileName, content);
    },
  });
  r.post('/api/reporting/data-values/import', {
    schema: {
      tags,
      description:
        'multipart/form-data, part `file`: a filled .xlsx template or a DHIS2 CSV (dataelement,period,orgunit,value,comment; UTF-8 with or without BOM, or GBK). All or nothing: when any cell is rejected nothing is written and `rejected` lists every cell.',
      consumes: ['multipart/form-data'],
      querystring: DataValueImportQuerySchema,
      response: { 200: DataValueImportResultSchema },
    },
    handler: async (q) => {
      const actor = actorOf(q);
      const file = await readUploadedFile(q);
      return transfer.importFile(actor, q.query.dataSet, file, { period: q.query.period, orgUnit: q.query.orgUnit });
    },
  });
  r.get('/api/reporting/data-values/export', {
    schema: {
      tags,
      description: 'Values of a data set over a range of periods as DHIS2 CSV (orgunit = division code).',
      querystring: DataValueExportQuerySchema,
    },
    handler: async (q, reply) => {
      const { text, fileName } = await transfer.exportCsv(actorOf(q), q.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(text);
    },
  });
}
