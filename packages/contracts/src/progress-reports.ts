import { z } from 'zod';
import { INDICATOR_GROUPS, INDICATOR_STATUSES } from './indicators.js';

/** The quarterly progress report (季度进展报告, issue #4 item 7): generated on demand and kept. */
export const QUARTER_PATTERN = /^(20\d{2})Q([1-4])$/;
export const QuarterSchema = z.string().regex(QUARTER_PATTERN, 'quarter: a quarter such as 2026Q3');

export const PROGRESS_REPORT_STATUSES = ['generating', 'ready', 'failed'] as const;
export type ProgressReportStatus = (typeof PROGRESS_REPORT_STATUSES)[number];

export const GenerateProgressReportSchema = z.object({ quarter: QuarterSchema }).strict();
export type GenerateProgressReport = z.infer<typeof GenerateProgressReportSchema>;

export const ProgressReportAcceptedSchema = z.object({ reportId: z.uuid(), jobId: z.uuid() });

const StatusSchema = z.enum(INDICATOR_STATUSES);

/** One target as the report states it (the indicator API's figures as of the report's date). */
export const ReportTargetSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  group: z.enum(INDICATOR_GROUPS),
  unit: z.string(),
  value: z.number().nullable(),
  target: z.number(),
  progress: z.number().nullable(),
  expected: z.number(),
  status: StatusSchema,
  forecastValue: z.number().nullable(),
  forecastMethod: z.string(),
  reachDate: z.string().nullable(),
});
export type ReportTarget = z.infer<typeof ReportTargetSchema>;

export const ReportDistrictSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameEn: z.string().nullable(),
  indicators: z.array(
    z.object({
      code: z.string(),
      value: z.number().nullable(),
      expected: z.number(),
      progress: z.number().nullable(),
      status: StatusSchema,
    }),
  ),
});

export const ReportProjectSchema = z.object({
  code: z.string(),
  title: z.string(),
  enterpriseName: z.string(),
  districtName: z.string(),
  reachedState: z.string(),
  reachedAt: z.string(),
});

/** The figures a report was built from, kept with it. */
export const ProgressReportDataSchema = z.object({
  quarter: z.string(),
  asOf: z.string(),
  targets: z.array(ReportTargetSchema),
  statusCounts: z.record(z.string(), z.number().int()),
  /** Indicators shown per district (the plan targets measured per district). */
  districtCodes: z.array(z.string()),
  districts: z.array(ReportDistrictSchema),
  projects: z.array(ReportProjectSchema),
});
export type ProgressReportData = z.infer<typeof ProgressReportDataSchema>;

export const ProgressReportSchema = z.object({
  id: z.uuid(),
  quarter: z.string(),
  asOf: z.string(),
  title: z.string(),
  status: z.enum(PROGRESS_REPORT_STATUSES),
  jobId: z.uuid().nullable(),
  pdfBytes: z.number().int().nullable(),
  error: z.string().nullable(),
  generatedByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

export const ProgressReportDetailSchema = ProgressReportSchema.extend({ data: ProgressReportDataSchema.nullable() });
export type ProgressReportDetail = z.infer<typeof ProgressReportDetailSchema>;

export const ProgressReportListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    quarter: QuarterSchema.optional(),
  })
  .strict();
export type ProgressReportListQuery = z.infer<typeof ProgressReportListQuerySchema>;
