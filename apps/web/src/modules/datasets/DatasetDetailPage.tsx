import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { API, type Dataset, type DatasetUploadResult } from '@suilian/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { urlOf } from '../../api/endpoints';
import { useAuth } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatBytes, formatDate, formatDateTime } from '../../shared/format';
import { reasonText } from '../../shared/reason-text';
import { DatasetExplore } from './DatasetExplore';
import { AccessLevelTag } from './DatasetsPage';
import { useDataset, useDatasetRows, useRegenerate, useUploadTable } from './hooks';
import { LICENCE_KEYS } from './licence';

const PREVIEW_ROWS = 50;

/** One dataset (issue #16 item 3): its metadata, files to download, a preview, and for internal ones an exploration. */
export default function DatasetDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: dataset, error, isPending } = useDataset(id);
  return (
    <Flex vertical gap={16} data-testid="dataset-detail-page">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/datasets')}>
          {t('datasets.back')}
        </Button>
      </Space>
      {error ? <ApiErrorAlert error={error} /> : null}
      {isPending && <Skeleton active />}
      {dataset && <DatasetBody dataset={dataset} />}
    </Flex>
  );
}

function DatasetBody({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { can } = useAuth();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const regenerate = useRegenerate(dataset.id);
  const uploadTable = useUploadTable(dataset.id);
  const [uploadResult, setUploadResult] = useState<DatasetUploadResult | null>(null);
  const preview = useDatasetRows(dataset.id, { limit: PREVIEW_ROWS });
  const manage = can('dataset:manage');
  const zh = locale === 'zh-CN';
  const period = [dataset.temporalStart, dataset.temporalEnd].map((d) => (d ? formatDate(d) : '…')).join(' — ');

  return (
    <>
      <Card
        title={zh ? dataset.titleZh : dataset.titleEn}
        extra={
          manage && (
            <Space>
              {dataset.source.kind === 'upload' && (
                <Upload
                  accept=".csv,.xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    uploadTable.mutate(file, {
                      onSuccess: (result) => {
                        setUploadResult(result);
                        if (result.stored) void message.success(t('datasets.uploaded', { rows: result.rows }));
                      },
                      onError: notifyError,
                    });
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={uploadTable.isPending} data-testid="dataset-upload">
                    {t('datasets.upload')}
                  </Button>
                </Upload>
              )}
              <Button
                icon={<ReloadOutlined />}
                loading={regenerate.isPending}
                onClick={() =>
                  regenerate.mutate(undefined, { onSuccess: () => void message.success(t('datasets.regenerated')), onError: notifyError })
                }
                data-testid="dataset-regenerate"
              >
                {t('datasets.regenerate')}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('datasets.fields.code')}>{dataset.code}</Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.accessLevel')}>
            <AccessLevelTag level={dataset.accessLevel} />
          </Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.description')} span={2}>
            {zh ? dataset.descriptionZh : dataset.descriptionEn}
          </Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.publisher')}>{dataset.publisher}</Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.theme')}>{t(`datasets.theme.${dataset.theme}`)}</Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.licence')}>
            {t(`datasets.licence.${LICENCE_KEYS[dataset.licence]}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.frequency')}>{t(`datasets.frequency.${dataset.frequency}`)}</Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.temporal')}>{period}</Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.spatial')}>{dataset.spatial}</Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.source')}>{t(`datasets.sourceKind.${dataset.source.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('datasets.fields.keywords')}>{dataset.keywords.join('、') || '—'}</Descriptions.Item>
        </Descriptions>
        {uploadResult && !uploadResult.stored && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setUploadResult(null)}
            data-testid="dataset-upload-rejected"
            message={t('datasets.uploadRejected', { rejected: uploadResult.rejected.length })}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {uploadResult.rejected.slice(0, 50).map((r) => (
                  <li key={`${r.row}-${r.column}-${r.rule}`}>
                    {t('datasets.rejectedRow', {
                      row: r.row,
                      column: r.column ?? '',
                      reason: reasonText(t, r.reason) ?? t('excel.ruleGeneric'),
                    })}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <Card size="small" title={t('datasets.distributions')}>
        <Table
          size="small"
          rowKey="format"
          pagination={false}
          dataSource={dataset.distributions}
          locale={{ emptyText: t('datasets.noDistributions') }}
          columns={[
            {
              title: t('datasets.fields.format'),
              dataIndex: 'format',
              render: (f: Dataset['distributions'][number]['format']) => t(`datasets.format.${f}`),
            },
            { title: t('datasets.fields.rowCount'), dataIndex: 'rowCount', align: 'right' },
            { title: t('datasets.fields.byteSize'), dataIndex: 'byteSize', align: 'right', render: (n: number) => formatBytes(n) },
            { title: t('datasets.fields.modifiedAt'), dataIndex: 'modifiedAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('datasets.fields.checksum'),
              dataIndex: 'checksum',
              render: (v: string) => <Typography.Text code copyable={{ text: v }}>{`${v.slice(0, 12)}…`}</Typography.Text>,
            },
            {
              title: t('common.actions'),
              key: 'download',
              render: (_v, d) => (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  href={urlOf(API.downloadDatasetDistribution, { params: { id: dataset.id, format: d.format } })}
                  data-testid={`dataset-download-${d.format}`}
                >
                  {t('datasets.download')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('datasets.preview')}
        extra={
          preview.data && (
            <Typography.Text type="secondary">
              {t('datasets.previewNote', { shown: preview.data.rows.length, total: preview.data.total })}
            </Typography.Text>
          )
        }
      >
        {preview.error ? <ApiErrorAlert error={preview.error} /> : null}
        <Table
          size="small"
          rowKey={(_r, i) => String(i)}
          scroll={{ x: true }}
          loading={preview.isFetching}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={preview.data?.rows ?? []}
          columns={dataset.columns.map((c) => ({
            title: zh ? c.zh : c.en,
            dataIndex: c.key,
            align: c.type === 'number' ? ('right' as const) : undefined,
          }))}
          data-testid="dataset-preview"
        />
      </Card>
      {dataset.accessLevel === 'internal' && <DatasetExplore dataset={dataset} />}
    </>
  );
}
