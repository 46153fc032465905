import { PlusOutlined } from '@ant-design/icons';
import type { ApiToken } from '@suilian/contracts';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { OneTimeSecretModal } from '../../shared/OneTimeSecretModal';
import { StatusTag } from '../../shared/StatusTag';
import { pagination, useTableState } from '../../shared/useTableState';
import { type CreatedToken, useRevokeToken, useTokens } from './hooks';
import { TokenCreateDrawer } from './TokenCreateDrawer';

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.revokedAt) return <StatusTag tone="closed">{`${t('tokens.revokedAt')} ${formatDateTime(token.revokedAt)}`}</StatusTag>;
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return <StatusTag tone="failed">{t('tokens.expired')}</StatusTag>;
  return <StatusTag tone="done">{t('tokens.valid')}</StatusTag>;
}

export default function TokensPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  // The server lists tokens newest first; there is no other order.
  const table = useTableState();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { data, isFetching, error } = useTokens(table, includeRevoked);
  const revoke = useRevokeToken();
  const writable = can('token:write');

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'prefix', key: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    {
      title: t('tokens.adminHandle'),
      dataIndex: 'adminHandle',
      key: 'adminHandle',
      render: (h: string | null) =>
        h ? (
          <Typography.Text code title={t('tokens.adminHandleHint', { handle: h })}>
            {h}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('fields.role'), dataIndex: 'role', key: 'role', render: (r: ApiToken['role']) => t(`roles.${r}`) },
    { title: t('fields.org'), dataIndex: 'orgName', key: 'orgName' },
    { title: t('tokens.createdBy'), dataIndex: 'createdBy', key: 'createdBy' },
    {
      title: t('fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: formatDateTime,
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.never')),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.neverUsed')),
    },
    { title: t('fields.status'), key: 'status', render: (_v, token) => <TokenStatus token={token} /> },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_v, token) =>
        !token.revokedAt && (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: token.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              revoke.mutateAsync(token.id).then(() => void message.success(t('tokens.revoked', { name: token.name })), notifyError)
            }
          >
            <Button type="link" size="small" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Space size="middle">
          <Space size={6}>
            <Switch
              checked={includeRevoked}
              onChange={(v) => {
                setIncludeRevoked(v);
                table.resetPage();
              }}
              data-testid="tokens-show-revoked"
            />
            {t('tokens.showRevoked')}
          </Space>
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
              {t('tokens.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {error && <ApiErrorAlert error={error} />}
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('common.total', { total }))}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('tokens.empty')} /> }}
          data-testid="tokens-table"
        />
      </Flex>
      <TokenCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <OneTimeSecretModal
        open={created !== null}
        title={t('tokens.oneTimeTitle')}
        intro={t('tokens.oneTimeBody', { name: created?.apiToken.name ?? '' })}
        secret={created?.token ?? ''}
        warning={t('tokens.oneTimeWarning')}
        onClose={() => setCreated(null)}
      />
    </Card>
  );
}
