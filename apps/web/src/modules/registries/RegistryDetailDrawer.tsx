import { DeleteOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { API, type RegistryKey, type RegistryRecord } from '@suilian/contracts';
import {
  App,
  Button,
  Descriptions,
  type DescriptionsProps,
  Drawer,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../api/endpoints';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatBytes, formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { ConfirmationActions, ConfirmationStateTag } from '../confirmations';
import { REGISTRY_CONFIGS } from './configs';
import { completedCount, type TraineeValues } from './data';
import { FieldValue } from './FieldValue';
import { useDeleteRecord, useRecord } from './hooks';

/** One record: its fields, trainees, evidence; edit and delete for registry:write. */
export function RegistryDetailDrawer({
  registry,
  id,
  onClose,
  onEdit,
}: {
  registry: RegistryKey;
  id: string | undefined;
  onClose(): void;
  onEdit(record: RegistryRecord): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const notifyError = useNotifyError();
  const remove = useDeleteRecord(registry);
  const { data: record, isPending, error } = useRecord(registry, id);
  const config = REGISTRY_CONFIGS[registry];
  const labels = t(`registryLabels.${registry}`, { returnObjects: true }) as { title: string; date: string };
  const writable = can('registry:write');

  let body: React.ReactNode = null;
  if (error) body = <ApiErrorAlert error={error} />;
  else if (isPending || !record) body = <Spin />;
  else {
    const items: DescriptionsProps['items'] = [
      { key: 'title', label: labels.title, children: record.title, span: 2 },
      { key: 'date', label: labels.date, children: formatDate(record.date) },
      { key: 'org', label: t('registries.owner'), children: record.orgName },
      {
        key: 'confirmation',
        label: t('confirmations.column'),
        span: 2,
        children: (
          <Space wrap data-testid="registry-confirmation">
            <ConfirmationStateTag state={record.confirmation.state} />
            {record.confirmation.by && (
              <Typography.Text type="secondary">
                {record.confirmation.by} · {formatDateTime(record.confirmation.at)}
                {record.confirmation.comment ? ` · ${record.confirmation.comment}` : ''}
              </Typography.Text>
            )}
          </Space>
        ),
      },
      ...config.fields
        .filter((f) => f.type !== 'trainees')
        .map((f) => ({
          key: f.name,
          label: t(`fields.${f.label}`),
          span: f.type === 'textarea' ? 2 : 1,
          children: <FieldValue registry={registry} field={f} value={record.data[f.name]} />,
        })),
      ...(config.quantity === 'events'
        ? [{ key: 'quantity', label: t('registries.quantity.events'), children: formatNumber(record.quantity) }]
        : []),
      { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(record.updatedAt) },
    ];
    const trainees = (record.data.trainees as TraineeValues[] | undefined) ?? [];
    const count = completedCount(trainees);
    body = (
      <Flex vertical gap={16}>
        <Descriptions column={2} size="small" bordered items={items} />
        {config.quantity === 'trainings' && (
          <Flex vertical gap={8}>
            <Typography.Text strong>
              {t('fields.trainees')} · {t('registries.traineeCount', count)}
            </Typography.Text>
            <Table<TraineeValues>
              size="small"
              rowKey={(_r) => `${_r.name}-${_r.organisation ?? ''}`}
              dataSource={trainees}
              pagination={trainees.length > 10 ? { pageSize: 10, size: 'small' } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registries.noTrainees')} /> }}
              columns={[
                { title: t('fields.displayName'), dataIndex: 'name', key: 'name' },
                {
                  title: t('fields.organisation'),
                  dataIndex: 'organisation',
                  key: 'organisation',
                  render: (v?: string | null) => v || '—',
                },
                {
                  title: t('fields.completed'),
                  dataIndex: 'completed',
                  key: 'completed',
                  render: (v?: boolean) =>
                    v ? <StatusTag tone="done">{t('common.yes')}</StatusTag> : <StatusTag tone="closed">{t('common.no')}</StatusTag>,
                },
              ]}
            />
          </Flex>
        )}
        <Flex vertical gap={6}>
          <Typography.Text strong>{t('registries.evidence')}</Typography.Text>
          {record.attachments.length === 0 ? (
            <Typography.Text type="secondary">{t('registries.noEvidence')}</Typography.Text>
          ) : (
            record.attachments.map((f) => (
              <Space key={f.fileId}>
                <a href={urlOf(API.downloadFile, { params: { id: f.fileId } })} download={f.name}>
                  <PaperClipOutlined /> {f.name}
                </a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatBytes(f.size)}
                </Typography.Text>
              </Space>
            ))
          )}
        </Flex>
        {record.isDemo && <Tag color="gold">{t('app.demoData')}</Tag>}
      </Flex>
    );
  }

  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size={registry === 'trainings' ? 760 : 640}
      title={record?.title ?? t('common.details')}
      destroyOnHidden
      data-testid="registry-detail"
      extra={
        record && (
          <Space>
            <ConfirmationActions
              target={{ kind: 'registry_record', id: record.id }}
              state={record.confirmation.state}
              version={record.version}
            />
            {writable && (
              <Popconfirm
                title={t('registries.deleteConfirm', { title: record.title })}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(record.id).then(() => {
                    void message.success(t('common.deleted'));
                    onClose();
                  }, notifyError)
                }
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="registry-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            {writable && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(record)} data-testid="registry-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {body}
    </Drawer>
  );
}
