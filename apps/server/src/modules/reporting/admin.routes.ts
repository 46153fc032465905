import { API } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
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
  serveEndpoint(app, API.listDataElements, async (q) => config.listElements(actorOf(q)));
  serveEndpoint(app, API.createDataElement, async (q) => config.createElement(actorOf(q), q.body));
  serveEndpoint(app, API.updateDataElement, async (q) => config.updateElement(actorOf(q), q.params.code, q.body));
  serveEndpoint(app, API.deleteDataElement, async (q) => {
    await config.deleteElement(actorOf(q), q.params.code);
    return undefined;
  });

  serveEndpoint(app, API.listDataSetConfigs, async (q) => config.listDataSets(actorOf(q)));
  serveEndpoint(app, API.createDataSetConfig, async (q) => config.createDataSet(actorOf(q), q.body));
  serveEndpoint(app, API.updateDataSetConfig, async (q) => config.updateDataSet(actorOf(q), q.params.code, q.body));
  serveEndpoint(app, API.deleteDataSetConfig, async (q) => {
    await config.deleteDataSet(actorOf(q), q.params.code);
    return undefined;
  });

  serveEndpoint(app, API.listValidationRules, async (q) => config.listRules(actorOf(q), q.query.dataSet));
  serveEndpoint(app, API.createValidationRule, async (q) => config.createRule(actorOf(q), q.body));
  serveEndpoint(app, API.updateValidationRule, async (q) => config.updateRule(actorOf(q), q.params.code, q.body));
  serveEndpoint(app, API.deleteValidationRule, async (q) => {
    await config.deleteRule(actorOf(q), q.params.code);
    return undefined;
  });

  serveEndpoint(app, API.runBatchValidation, async (q) => batch(actorOf(q), q.query));
  serveEndpoint(app, API.exportBatchValidation, async (q, reply) => {
    const result = await batch(actorOf(q), q.query);
    return sendWorkbook(reply, `批量校验_${result.dataSet}_${q.query.from}-${q.query.to}.xlsx`, await writeViolations(result));
  });

  serveEndpoint(app, API.downloadReportFormTemplate, async (q, reply) => {
    const { content, fileName } = await transfer.template(actorOf(q), q.params.dataSet, q.params.period, q.query.orgUnit);
    return sendWorkbook(reply, fileName, content);
  });
  serveEndpoint(app, API.importReportValues, async (q) => {
    const actor = actorOf(q);
    const file = await readUploadedFile(q as unknown as FastifyRequest);
    return transfer.importFile(actor, q.query.dataSet, file, { period: q.query.period, orgUnit: q.query.orgUnit });
  });
  serveEndpoint(app, API.exportReportValues, async (q, reply) => {
    const { text, fileName } = await transfer.exportCsv(actorOf(q), q.query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(text);
  });
}
