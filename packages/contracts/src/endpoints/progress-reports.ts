import { defineEndpoints } from '../api/endpoint.js';
import { IdParamsSchema, pageOf } from '../common.js';
import {
  GenerateProgressReportSchema,
  ProgressReportAcceptedSchema,
  ProgressReportDetailSchema,
  ProgressReportListQuerySchema,
  ProgressReportSchema,
} from '../progress-reports.js';

const tags = ['progress-reports'];

/** Quarterly progress reports: generation, HTML and PDF. */
export const progressReportEndpoints = defineEndpoints({
  generateProgressReport: {
    method: 'POST',
    path: '/api/progress-reports',
    access: 'progress_report:generate',
    tags,
    description: 'Starts generating the report of a quarter (at city level); follow the job at /api/jobs/:id.',
    body: GenerateProgressReportSchema,
    success: 202,
    response: ProgressReportAcceptedSchema,
  },
  listProgressReports: {
    method: 'GET',
    path: '/api/progress-reports',
    access: 'report:read',
    tags,
    query: ProgressReportListQuerySchema,
    success: 200,
    response: pageOf(ProgressReportSchema),
  },
  getProgressReport: {
    method: 'GET',
    path: '/api/progress-reports/:id',
    access: 'report:read',
    tags,
    params: IdParamsSchema,
    success: 200,
    response: ProgressReportDetailSchema,
  },
  getProgressReportHtml: {
    method: 'GET',
    path: '/api/progress-reports/:id/html',
    access: 'report:read',
    tags,
    description: 'The kept HTML snapshot, printable (print CSS), shown in the console’s preview frame.',
    params: IdParamsSchema,
    success: 200,
    responseKind: 'file',
  },
  downloadProgressReportPdf: {
    method: 'GET',
    path: '/api/progress-reports/:id/pdf',
    access: 'report:read',
    tags,
    description: 'The kept A4 PDF, as a download.',
    params: IdParamsSchema,
    success: 200,
    responseKind: 'file',
  },
});
