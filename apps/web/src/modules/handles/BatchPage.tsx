import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  API,
  BATCH_ITEM_STATUSES,
  type BatchItemStatus,
  type HandleBatchItemResult,
  type HandleBatchResult,
  MAX_HANDLE_BATCH,
} from '@suilian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../api/endpoints';
import { useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { handleIssueField, handleIssueText } from './formIssues';
import { useTemplates } from './hooks';
import { PrefixSelect } from './PrefixSelect';
import { uploadBatch } from './upload';

const STATUS_COLOURS: Record<BatchItemStatus, string> = {
  success: 'green',
  already_exists: 'orange',
  invalid: 'red',
  forbidden: 'red',
  error: 'red',
};

type Phase = { kind: 'idle' } | { kind: 'uploading'; share: number } | { kind: 'processing' } | { kind: 'done'; result: HandleBatchResult };

/** 批量注册: a CSV/Excel sheet of up to 2,000 identifiers, registered with a result per row. */
export default function BatchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [prefix, setPrefix] = useState<string | undefined>();
  const [industryCode, setIndustryCode] = useState<string | undefined>();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [fileName, setFileName] = useState<string>('');
  const templates = useTemplates(prefix);
  const current = useMemo(() => (templates.data ?? []).filter((tpl) => tpl.current), [templates.data]);
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  const start = (file: File) => {
    if (!prefix) return;
    setError(null);
    setFileName(file.name);
    setPhase({ kind: 'uploading', share: 0 });
    uploadBatch(file, { prefix, industryCode }, me.csrfToken, (share) =>
      setPhase(share >= 1 ? { kind: 'processing' } : { kind: 'uploading', share }),
    )
      .then((result) => {
        setPhase({ kind: 'done', result });
        void client.invalidateQueries({ queryKey: ['identifiers'] });
      })
      .catch((e: unknown) => {
        setError(e);
        setPhase({ kind: 'idle' });
      });
  };

  const result = phase.kind === 'done' ? phase.result : null;
  return (
    <Card title={t('menu.handleBatch')} data-testid="batch-page">
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('handles.batch.intro', { max: MAX_HANDLE_BATCH.toLocaleString('en-US') })} />
        <Space wrap>
          <PrefixSelect
            value={prefix}
            onChange={(p) => {
              setPrefix(p);
              setIndustryCode(undefined);
            }}
            data-testid="batch-prefix"
          />
          <Select
            value={industryCode}
            onChange={setIndustryCode}
            allowClear
            disabled={!prefix}
            placeholder={t('handles.record.noTemplate')}
            options={current.map((tpl) => ({ value: tpl.industryCode, label: `${tpl.industryCode} · ${tpl.name} (v${tpl.version})` }))}
            style={{ minWidth: 260 }}
            data-testid="batch-template"
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!prefix}
            href={prefix ? urlOf(API.downloadIdentifierBatchTemplate, { query: { prefix, industryCode } }) : undefined}
            data-testid="batch-download-template"
          >
            {t('handles.batch.downloadTemplate')}
          </Button>
        </Space>
        <Upload.Dragger
          accept=".csv,.xlsx"
          showUploadList={false}
          disabled={!prefix || busy}
          beforeUpload={(file) => {
            start(file);
            return Upload.LIST_IGNORE;
          }}
          data-testid="batch-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{prefix ? t('handles.batch.drop') : t('handles.batch.pickPrefixFirst')}</p>
          <p className="ant-upload-hint">{t('handles.batch.columns')}</p>
        </Upload.Dragger>
        {error !== null && <ApiErrorAlert error={error} showReason />}
        {phase.kind === 'uploading' && (
          <Progress percent={Math.round(phase.share * 100)} status="active" format={(p) => t('handles.batch.uploading', { percent: p })} />
        )}
        {phase.kind === 'processing' && <Progress percent={100} status="active" showInfo={false} data-testid="batch-processing" />}
        {phase.kind === 'processing' && (
          <Typography.Text type="secondary">{t('handles.batch.processing', { file: fileName })}</Typography.Text>
        )}
        {result && <BatchResult result={result} />}
      </Flex>
    </Card>
  );
}

function BatchResult({ result }: { result: HandleBatchResult }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BatchItemStatus | undefined>();
  const rows = status ? result.results.filter((r) => r.status === status) : result.results;
  const unchanged = result.results.filter((r) => r.unchanged).length;
  return (
    <Flex vertical gap={12} data-testid="batch-result">
      <Space size="large" wrap>
        <Progress type="circle" size={80} percent={result.total ? Math.round((result.succeeded / result.total) * 100) : 0} />
        <Statistic title={t('handles.batch.total')} value={result.total} />
        <Statistic title={t('handles.batch.succeeded')} value={result.succeeded} styles={{ content: { color: '#389e0d' } }} />
        <Statistic
          title={t('handles.batch.failed')}
          value={result.failed}
          styles={{ content: { color: result.failed ? '#cf1322' : undefined } }}
        />
        {unchanged > 0 && <Statistic title={t('handles.batch.unchanged')} value={unchanged} />}
      </Space>
      <Select
        value={status}
        onChange={setStatus}
        allowClear
        placeholder={t('handles.batch.filterStatus')}
        options={BATCH_ITEM_STATUSES.map((s) => ({ value: s, label: t(`handles.batch.statuses.${s}`) }))}
        style={{ width: 200 }}
      />
      <Table<HandleBatchItemResult>
        size="small"
        rowKey="position"
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="batch-result-table"
        columns={[
          { title: t('handles.batch.row'), dataIndex: 'position', width: 80, render: (p: number) => p + 1 },
          { title: t('handles.record.handle'), dataIndex: 'handle', render: (h: string | null) => h ?? '—' },
          {
            title: t('handles.batch.status'),
            dataIndex: 'status',
            width: 140,
            render: (s: BatchItemStatus, r) => (
              <Tag color={STATUS_COLOURS[s]}>{r.unchanged ? t('handles.batch.unchanged') : t(`handles.batch.statuses.${s}`)}</Tag>
            ),
          },
          {
            title: t('handles.batch.message'),
            key: 'message',
            render: (_, r) =>
              r.issues?.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {r.issues.map((i) => (
                    <li key={`${i.field}:${i.rule}`}>{`${handleIssueField(t, i)}：${handleIssueText(t, i)}`}</li>
                  ))}
                </ul>
              ) : r.message ? (
                t(`handles.batch.statuses.${r.status}`)
              ) : (
                ''
              ),
          },
        ]}
      />
    </Flex>
  );
}
