import { DownloadOutlined, FileExcelOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { Endpoint, ImportMode, ImportQuerySchema, ImportResult, JobAcceptedSchema } from '@suilian/contracts';
import { ImportResultSchema } from '@suilian/contracts';
import { Alert, Button, Flex, Modal, Progress, Radio, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { upload, urlOf } from '../api/endpoints';
import type { QueryValue } from '../api/http';
import { ApiErrorAlert } from './errors';
import { useJob } from './jobs';
import { reasonText } from './reason-text';

type Rejection = ImportResult['rejected'][number];

/** A list's template, import and export endpoints (contracts' `tabularEndpointSpecs`). */
export interface TabularEndpoints {
  template: Endpoint;
  import: Endpoint & { upload: true; query: typeof ImportQuerySchema; response: typeof JobAcceptedSchema };
  export: Endpoint & { query: z.ZodType };
}

interface Props {
  endpoints: TabularEndpoints;
  /** What is imported, for the dialog title (企业, 项目). */
  name: string;
  /** The list's current filters: the export holds the whole filtered list. */
  filters: Record<string, QueryValue>;
  canImport: boolean;
  /** After a job wrote records: reload the list. */
  onImported(): void;
}

function ImportDialog({
  endpoints,
  name,
  open,
  onClose,
}: {
  endpoints: TabularEndpoints;
  name: string;
  open: boolean;
  onClose(wrote: boolean): void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ImportMode>('all');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | undefined>();
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const job = useJob(jobId);
  const parsed = job.data?.status === 'succeeded' ? ImportResultSchema.safeParse(job.data.result) : null;
  const result = parsed?.success ? parsed.data : null;
  const running = jobId !== undefined && (!job.data || job.data.status === 'queued' || job.data.status === 'running');

  const start = (chosen: File, chosenMode: ImportMode) => {
    setFile(chosen);
    setStartError(null);
    setStarting(true);
    upload(endpoints.import, chosen, chosen.name, { query: { mode: chosenMode } })
      .then((accepted) => setJobId(accepted.jobId), setStartError)
      .finally(() => setStarting(false));
  };

  const reset = () => {
    setJobId(undefined);
    setFile(null);
    setStartError(null);
  };
  const close = () => {
    const wrote = (result?.created ?? 0) > 0;
    reset();
    setMode('all');
    onClose(wrote);
  };

  const percent = job.data && job.data.total > 0 ? Math.floor((job.data.progress / job.data.total) * 100) : 0;
  return (
    <Modal
      open={open}
      title={t('excel.importTitle', { name })}
      onCancel={close}
      width={760}
      destroyOnHidden
      mask={{ closable: !running }}
      footer={
        <Space>
          {result && (
            <Button onClick={reset} data-testid="import-again">
              {t('excel.again')}
            </Button>
          )}
          <Button type="primary" onClick={close} disabled={running} data-testid="import-close">
            {t('common.close')}
          </Button>
        </Space>
      }
      data-testid="import-dialog"
    >
      {startError !== null && <ApiErrorAlert error={startError} showReason style={{ marginBottom: 12 }} />}
      {jobId === undefined ? (
        <Flex vertical gap={12}>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            options={[
              { value: 'all', label: t('excel.modeAll') },
              { value: 'valid', label: t('excel.modeValid') },
            ]}
            data-testid="import-mode"
          />
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={starting}
            beforeUpload={(chosen) => {
              start(chosen, mode);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('excel.chooseFile')}</p>
            <p className="ant-upload-hint">{t('excel.hint')}</p>
          </Upload.Dragger>
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          {job.error && <ApiErrorAlert error={job.error} />}
          <Typography.Text type="secondary">{file?.name}</Typography.Text>
          <Progress
            percent={job.data?.status === 'succeeded' ? 100 : percent}
            status={job.data?.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
            data-testid="import-progress"
          />
          {running && (
            <Typography.Text>
              {job.data?.status === 'queued'
                ? t('excel.queued')
                : t('excel.progress', { done: job.data?.progress ?? 0, total: job.data?.total ?? 0 })}
            </Typography.Text>
          )}
          {job.data?.status === 'failed' && <Alert type="error" showIcon title={t('excel.failed', { message: job.data.message ?? '' })} />}
          {result && (
            <Flex vertical gap={12} data-testid="import-result">
              <Alert
                type={result.rejected.length === 0 ? 'success' : result.created > 0 ? 'warning' : 'error'}
                showIcon
                title={t('excel.done', { rows: result.rows, valid: result.valid, created: result.created })}
                description={
                  result.mode === 'all' && result.rejected.length > 0
                    ? t('excel.nothingWritten', { n: result.rows - result.valid })
                    : undefined
                }
              />
              {result.mode === 'all' && result.rejected.length > 0 && result.valid > 0 && file && (
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => {
                    setJobId(undefined);
                    start(file, 'valid');
                  }}
                  data-testid="import-valid-only"
                >
                  {t('excel.importValidOnly', { n: result.valid })}
                </Button>
              )}
              {result.rejected.length > 0 && (
                <Table<Rejection>
                  size="small"
                  rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.rule}`}
                  dataSource={result.rejected}
                  pagination={result.rejected.length > 10 ? { pageSize: 10 } : false}
                  title={() => t('excel.rejected', { n: result.rejected.length })}
                  columns={[
                    { title: t('excel.row'), dataIndex: 'row', key: 'row', width: 70 },
                    { title: t('excel.column'), dataIndex: 'column', key: 'column', width: 140, render: (v: string | null) => v ?? '—' },
                    {
                      title: t('excel.message'),
                      key: 'message',
                      // the rule in the user's language from the row's reason; never the server's English
                      render: (_, r: Rejection) => reasonText(t, r.reason) ?? t('excel.ruleGeneric'),
                    },
                  ]}
                  data-testid="import-rejections"
                />
              )}
            </Flex>
          )}
        </Flex>
      )}
    </Modal>
  );
}

/** Excel for a list: the template with drop-downs, import as a job with a per-row report, export of the filtered list. */
export function ExcelToolbar({ endpoints, name, filters, canImport, onImported }: Props) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Space.Compact>
        {canImport && (
          <Button href={urlOf(endpoints.template)} icon={<DownloadOutlined />} data-testid="excel-template">
            {t('excel.template')}
          </Button>
        )}
        {canImport && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="excel-import">
            {t('excel.import')}
          </Button>
        )}
        <Button href={urlOf(endpoints.export, { query: filters })} icon={<FileExcelOutlined />} data-testid="excel-export">
          {t('excel.export')}
        </Button>
      </Space.Compact>
      <ImportDialog
        endpoints={endpoints}
        name={name}
        open={importing}
        onClose={(wrote) => {
          setImporting(false);
          if (wrote) onImported();
        }}
      />
    </>
  );
}
