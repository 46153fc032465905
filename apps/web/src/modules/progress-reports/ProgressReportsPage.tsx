import { DownloadOutlined, EyeOutlined, FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ProgressReport } from '@suilian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Drawer, Progress, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatBytes, formatDateTime } from '../../shared/format';
import { useJob } from '../../shared/jobs';
import { StatusTag, type StatusTone } from '../../shared/StatusTag';
import { reportHtmlUrl, reportPdfUrl, splitQuarter, useGenerateReport, useProgressReports } from './hooks';

const TONES: Record<ProgressReport['status'], StatusTone> = { generating: 'progress', ready: 'done', failed: 'failed' };

/** The quarter a date falls in, as the API writes it (2026Q3). */
function quarterOf(d: Dayjs): string {
  return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
}

/** The last finished quarter: the usual one to report on. */
function lastQuarter(): Dayjs {
  return dayjs().subtract(3, 'month');
}

/** The job of a report being generated, with its progress bar and the outcome message. */
function GenerationProgress({ jobId, quarter, onDone }: { jobId: string; quarter: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const job = useJob(jobId);
  const status = job.data?.status;
  const notified = useRef(false);
  useEffect(() => {
    if (notified.current || (status !== 'succeeded' && status !== 'failed')) return;
    notified.current = true;
    if (status === 'succeeded') void message.success(t('progressReports.generated', { quarter }));
    onDone();
  }, [status, message, t, quarter, onDone]);
  if (!job.data) return null;
  const { progress, total } = job.data;
  if (status === 'failed') return <Alert type="error" showIcon title={t('progressReports.failed', { message: job.data.message ?? '' })} />;
  return (
    <div data-testid="report-progress">
      <Typography.Text>{t('progressReports.generating', { quarter })}</Typography.Text>
      <Progress percent={total ? Math.round((progress / total) * 100) : 0} status={status === 'succeeded' ? 'success' : 'active'} />
      {total ? <Typography.Text type="secondary">{t('progressReports.steps', { done: progress, total })}</Typography.Text> : null}
    </div>
  );
}

/** 指标与报送 → 进展报告: generate a quarter's report (city admins and analysts), list, preview, print, download. */
export default function ProgressReportsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notifyError = useNotifyError();
  const [params, setParams] = useSearchParams();
  const [quarter, setQuarter] = useState<Dayjs>(lastQuarter);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [filter, setFilter] = useState<Dayjs | null>(null);
  const [running, setRunning] = useState<{ jobId: string; quarter: string } | null>(null);
  const list = useProgressReports({ ...page, quarter: filter ? quarterOf(filter) : undefined });
  const generate = useGenerateReport();
  const frame = useRef<HTMLIFrameElement>(null);
  const client = useQueryClient();
  const previewId = params.get('report');
  const previewed = list.data?.items.find((r) => r.id === previewId);
  const mayGenerate = can('progress_report:generate');

  const label = (q: string) => t('progressReports.quarterLabel', splitQuarter(q));
  const setPreview = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('report', id);
    else next.delete('report');
    setParams(next, { replace: true });
  };

  return (
    <Card title={t('progressReports.title')}>
      <Typography.Paragraph type="secondary">{t('progressReports.intro')}</Typography.Paragraph>
      {mayGenerate ? (
        <Space align="start" style={{ marginBottom: 16 }} wrap>
          <DatePicker
            picker="quarter"
            value={quarter}
            allowClear={false}
            onChange={(d) => d && setQuarter(d)}
            disabledDate={(d) => quarterOf(d) > quarterOf(dayjs())}
            aria-label={t('progressReports.quarter')}
            data-testid="report-quarter"
          />
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            loading={generate.isPending}
            disabled={running !== null}
            onClick={() => {
              const q = quarterOf(quarter);
              generate.mutate(q, { onSuccess: (r) => setRunning({ jobId: r.jobId, quarter: label(q) }), onError: notifyError });
            }}
            data-testid="report-generate"
          >
            {t('progressReports.generate')}
          </Button>
          {running ? (
            <div style={{ minWidth: 320 }}>
              <GenerationProgress
                jobId={running.jobId}
                quarter={running.quarter}
                onDone={() => {
                  setRunning(null);
                  void list.refetch();
                  // The "report ready" notification is there now: the bell need not wait for its next poll.
                  void client.invalidateQueries({ queryKey: ['notifications'] });
                }}
              />
            </div>
          ) : null}
        </Space>
      ) : (
        <Alert type="info" showIcon title={t('progressReports.noPermission')} style={{ marginBottom: 16 }} />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('progressReports.filterQuarter')}</Typography.Text>
        <DatePicker
          picker="quarter"
          value={filter}
          onChange={(d) => {
            setFilter(d);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          placeholder={t('progressReports.allQuarters')}
          data-testid="report-filter-quarter"
        />
      </Space>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      <Table<ProgressReport>
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('progressReports.empty') }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
        data-testid="report-table"
        columns={[
          { title: t('progressReports.columns.quarter'), dataIndex: 'quarter', width: 130, render: (q: string) => label(q) },
          { title: t('progressReports.columns.title'), dataIndex: 'title', ellipsis: true },
          { title: t('progressReports.columns.asOf'), dataIndex: 'asOf', width: 110 },
          {
            title: t('progressReports.columns.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: ProgressReport['status'], r) => (
              <span title={r.error ?? undefined}>
                <StatusTag tone={TONES[s]}>{t(`progressReports.statuses.${s}`)}</StatusTag>
              </span>
            ),
          },
          { title: t('progressReports.columns.generatedBy'), dataIndex: 'generatedByName', width: 120 },
          { title: t('progressReports.columns.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          {
            title: t('progressReports.columns.size'),
            dataIndex: 'pdfBytes',
            width: 100,
            render: (n: number | null) => (n ? formatBytes(n) : '—'),
          },
          {
            title: t('progressReports.columns.actions'),
            key: 'actions',
            width: 200,
            render: (_, r) =>
              r.status === 'ready' ? (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setPreview(r.id)} data-testid="report-preview">
                    {t('progressReports.preview')}
                  </Button>
                  <Button type="link" size="small" icon={<DownloadOutlined />} href={reportPdfUrl(r.id)} data-testid="report-pdf">
                    {t('progressReports.downloadPdf')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Drawer
        open={previewed !== undefined && previewed.status === 'ready'}
        onClose={() => setPreview(null)}
        size="large"
        styles={{ wrapper: { width: 'min(1000px, 100vw)' }, body: { padding: 0 } }}
        title={previewed?.title}
        extra={
          previewed ? (
            <Space>
              <Button icon={<PrinterOutlined />} onClick={() => frame.current?.contentWindow?.print()}>
                {t('progressReports.print')}
              </Button>
              <Button type="primary" icon={<DownloadOutlined />} href={reportPdfUrl(previewed.id)}>
                {t('progressReports.downloadPdf')}
              </Button>
            </Space>
          ) : null
        }
      >
        {previewed ? (
          <iframe
            ref={frame}
            title={previewed.title}
            src={reportHtmlUrl(previewed.id)}
            style={{ width: '100%', height: '100%', border: 'none' }}
            data-testid="report-frame"
          />
        ) : null}
      </Drawer>
    </Card>
  );
}
