import type { GenerateProgressReport, ProgressReport, ProgressReportDetail, ProgressReportListQuery } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { renderHtml, renderPdf } from '../../platform/documents/index.js';
import { AppError, fieldError, notFound, refusal } from '../../platform/errors.js';
import type { JobService } from '../../platform/jobs/job.service.js';
import type { NotificationService } from '../notifications/index.js';
import { collectReportData, type ReportSources } from './progress-report.data.js';
import { buildReportDocument, reportTitle } from './progress-report.document.js';
import { progressReportPolicy, WHOLE_CITY } from './progress-report.policy.js';
import { createProgressReportRepo, type ProgressReportRow } from './progress-report.repo.js';
import { quarterLabel, reportDateFor } from './quarter.js';

export interface ProgressReportServiceDeps extends ReportSources {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  jobs: Pick<JobService, 'define'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** Beijing time for the "generated at" line (the report is read in Guangzhou). */
function beijingTime(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
}

/** Quarterly progress reports: generated on demand as a job, kept with their figures, HTML and PDF. */
export function createProgressReportService(deps: ProgressReportServiceDeps) {
  const repo = createProgressReportRepo(deps.db);

  // A named job, so any instance can run it (ADR 0012); the report row exists before it starts.
  const generateJob = deps.jobs.define<{ reportId: string; quarter: string; asOf: string; title: string; generatedBy: string }>(
    'progress_report.generate',
    async ({ actor, payload: { reportId, quarter, asOf, title, generatedBy }, progress, job: { id: jobId } }) => {
      try {
        // Gathering the figures, then the two renderings, as steps of one bar.
        let steps = 0;
        const data = await collectReportData(deps, actor, quarter, asOf, (done, total) => {
          steps = total + 2;
          progress(done, steps);
        });
        const model = buildReportDocument(data, { generatedAt: beijingTime(deps.clock.now()), generatedBy });
        const html = renderHtml(model);
        progress(steps - 1, steps);
        const pdf = await renderPdf(model);
        progress(steps, steps);
        await deps.db.transaction(async (tx) => {
          await createProgressReportRepo(tx).update(reportId, {
            status: 'ready',
            data,
            html,
            pdf,
            pdfBytes: pdf.length,
            finishedAt: deps.clock.now(),
          });
          await deps.audit.append(tx, actor, {
            action: 'progress_report.generate',
            entityType: 'progress_report',
            entityId: reportId,
            after: {
              quarter,
              asOf,
              jobId,
              targets: data.targets.length,
              projects: data.projects.length,
              pdfBytes: pdf.length,
            },
          });
          if (actor.userId) {
            const label = quarterLabel(quarter);
            await deps.notifications.notify(tx, [{ userId: actor.userId }], {
              kind: 'progress_report.ready',
              title: { zh: `${label.zh}进展报告已生成`, en: `Progress report for ${label.en} is ready` },
              body: {
                zh: `${title}（数据截至 ${asOf}）已生成，可在线查看或下载 PDF。`,
                en: `The progress report for ${label.en} (figures as of ${asOf}) is ready to view or download as PDF.`,
              },
              link: `/indicators/progress-reports?report=${reportId}`,
            });
          }
        });
        return { reportId, pdfBytes: pdf.length };
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'the report could not be generated; see the server log';
        await repo.update(reportId, { status: 'failed', error: message, finishedAt: deps.clock.now() });
        throw error;
      }
    },
    {
      // Its instances were lost (twice): the report must not stay "generating" for ever.
      abandoned: async ({ reportId }, message) => {
        await repo.update(reportId, { status: 'failed', error: message, finishedAt: deps.clock.now() });
      },
    },
  );

  return {
    /** Starts generating the report for a quarter; the job's progress is at /api/jobs/:jobId. */
    async generate(actor: Actor, input: GenerateProgressReport): Promise<{ reportId: string; jobId: string }> {
      progressReportPolicy.authorize(actor, 'generate');
      if (!progressReportPolicy.can(actor, 'generate', WHOLE_CITY))
        throw refusal('FORBIDDEN', 'progress_report.city_only', 'a progress report covers the city: it is generated at city level');
      const today = deps.clock.now().toISOString().slice(0, 10);
      const asOf = reportDateFor(input.quarter, today);
      if (!asOf) throw fieldError('VALIDATION_FAILED', 'quarter', 'started', `${input.quarter} has not begun yet`);
      const title = reportTitle(input.quarter);
      const generatedBy = actor.displayName ?? actor.name;
      // The row exists before the job can run, so the job only fills it in.
      const reportId = await deps.db.transaction(async (tx) => {
        const row = await createProgressReportRepo(tx).insert({
          quarter: input.quarter,
          asOf,
          title,
          status: 'generating',
          generatedById: actor.userId,
          generatedByName: generatedBy,
          createdAt: deps.clock.now(),
        });
        await deps.audit.append(tx, actor, {
          action: 'progress_report.request',
          entityType: 'progress_report',
          entityId: row.id,
          after: { quarter: input.quarter, asOf },
        });
        return row.id;
      });
      const job = await generateJob.start(actor, { reportId, quarter: input.quarter, asOf, title, generatedBy });
      await repo.update(reportId, { jobId: job.id });
      return { reportId, jobId: job.id };
    },

    async list(actor: Actor, query: ProgressReportListQuery): Promise<{ items: ProgressReport[]; total: number }> {
      progressReportPolicy.authorize(actor, 'read');
      const page = await repo.findPage(query);
      return { items: page.items.map(toReport), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<ProgressReportDetail> {
      progressReportPolicy.authorize(actor, 'read');
      const row = await repo.findMeta(id);
      if (!row) throw notFound('progress report');
      return { ...toReport(row), data: row.data ?? null };
    },

    async html(actor: Actor, id: string): Promise<string> {
      progressReportPolicy.authorize(actor, 'read');
      const row = await repo.findHtml(id);
      if (!row) throw notFound('progress report');
      if (!row.html)
        throw refusal('CONFLICT', 'progress_report.no_content', `the report is ${row.status}, it has no content yet`, {
          status: row.status,
        });
      return row.html;
    },

    async pdf(actor: Actor, id: string): Promise<{ pdf: Buffer; filename: string }> {
      progressReportPolicy.authorize(actor, 'read');
      const row = await repo.findPdf(id);
      if (!row) throw notFound('progress report');
      if (!row.pdf)
        throw refusal('CONFLICT', 'progress_report.no_pdf', `the report is ${row.status}, it has no PDF yet`, { status: row.status });
      return { pdf: row.pdf, filename: `progress-report-${row.quarter}.pdf` };
    },
  };
}

function toReport(row: Omit<ProgressReportRow, 'html' | 'pdf' | 'data'>): ProgressReport {
  return {
    id: row.id,
    quarter: row.quarter,
    asOf: row.asOf,
    title: row.title,
    status: row.status,
    jobId: row.jobId,
    pdfBytes: row.pdfBytes,
    error: row.error,
    generatedByName: row.generatedByName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export type ProgressReportService = ReturnType<typeof createProgressReportService>;
