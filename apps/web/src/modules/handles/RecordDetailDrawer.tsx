import { DeleteOutlined, EditOutlined, ExportOutlined } from '@ant-design/icons';
import type { HandleRecordDetail } from '@suilian/contracts';
import { App, Button, Col, Descriptions, Drawer, Popconfirm, Row, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { HandleQr } from './HandleQr';
import { useDeleteRecord, useRecord } from './hooks';
import { resolvePagePath } from './logic';
import { PermissionTag } from './PermissionBits';
import { ValuesTable } from './ValuesTable';

/** A record with every value (non-public ones too), its QR code, and edit / delete for its administrators. */
export function RecordDetailDrawer({
  handle,
  onClose,
  onEdit,
}: {
  handle: string | undefined;
  onClose(): void;
  onEdit(record: HandleRecordDetail): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { data: record, error, isPending } = useRecord(handle);
  const remove = useDeleteRecord();
  const onDelete = (h: string) =>
    remove.mutate(h, {
      onSuccess: () => {
        void message.success(t('handles.record.deleted', { handle: h }));
        onClose();
      },
      onError: notifyError,
    });
  return (
    <Drawer
      open={handle !== undefined}
      onClose={onClose}
      size={880}
      title={handle}
      destroyOnHidden
      data-testid="record-drawer"
      extra={
        record?.canWrite && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => onEdit(record)} data-testid="record-edit">
              {t('common.edit')}
            </Button>
            <Popconfirm title={t('handles.record.deleteConfirm', { handle: record.handle })} onConfirm={() => onDelete(record.handle)}>
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="record-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {error && <ApiErrorAlert error={error} />}
      {handle !== undefined && isPending && <Spin />}
      {record && (
        <>
          <Row gutter={24}>
            <Col span={16}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: 'handle',
                    label: t('handles.record.handle'),
                    children: <Typography.Text copyable>{record.handle}</Typography.Text>,
                  },
                  { key: 'owner', label: t('handles.prefix.owner'), children: record.ownerOrgName },
                  {
                    key: 'template',
                    label: t('handles.template.template'),
                    children: record.industryCode ? (
                      <Tag color="blue">{`${record.industryCode} v${record.templateVersion ?? '?'}`}</Tag>
                    ) : (
                      '—'
                    ),
                  },
                  { key: 'url', label: 'URL', children: record.url ?? '—' },
                  { key: 'created', label: t('handles.record.createdAt'), children: formatDateTime(record.createdAt) },
                  { key: 'updated', label: t('handles.record.updatedAt'), children: formatDateTime(record.updatedAt) },
                ]}
              />
              <Link to={resolvePagePath(record.handle)} target="_blank" data-testid="record-public-link">
                <ExportOutlined /> {t('handles.resolve.publicLink')}
              </Link>
            </Col>
            <Col span={8}>
              <HandleQr handle={record.handle} size={150} />
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('handles.resolve.values')}
          </Typography.Title>
          <ValuesTable
            values={record.values}
            extraColumns={[
              {
                title: t('handles.value.permissions'),
                key: 'permissions',
                width: 170,
                render: (_, v) => <PermissionTag bits={v.permissions ?? '1110'} />,
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
