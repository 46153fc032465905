import { PlusOutlined } from '@ant-design/icons';
import { API, ROLE_DEFINITIONS, type Role, type User } from '@suilian/contracts';
import { Button, Card, Empty, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { OneTimeSecretModal } from '../../shared/OneTimeSecretModal';
import { UserStatusTag } from '../../shared/StatusTag';
import { pagination, useTableState } from '../../shared/useTableState';
import { type OneTimePassword, type UserFilters, useUsers } from './hooks';
import { UserCreateDrawer } from './UserCreateDrawer';
import { UserEditDrawer } from './UserEditDrawer';
import { UserFilterBar } from './UserFilterBar';
import { UserRoleDrawer } from './UserRoleDrawer';
import { UserRowActions } from './UserRowActions';

interface Secret {
  kind: 'created' | 'reset';
  result: OneTimePassword;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const table = useTableState({ sort: 'username' });
  const [filters, setFilters] = useState<UserFilters>({});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [changingRole, setChangingRole] = useState<User | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const { data, isFetching, error } = useUsers(table, filters);
  const writable = can('user:write');
  const manages: readonly Role[] = ROLE_DEFINITIONS[me.role].manages;
  // Only city administrators change roles (the server refuses everyone else: user.role_change_city_admin_only).
  const changesRoles = me.role === 'city_admin' && me.via !== 'token';
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const columns: TableColumnsType<User> = [
    {
      title: t('fields.username'),
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: table.sortOrder('username'),
      render: (username: string, user) => (
        <Typography.Text strong>
          {username}
          {user.id === me.id ? t('users.self') : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('fields.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: true,
      sortOrder: table.sortOrder('displayName'),
    },
    { title: t('fields.role'), dataIndex: 'role', key: 'role', render: (role: User['role']) => t(`roles.${role}`) },
    { title: t('fields.org'), dataIndex: 'orgName', key: 'orgName' },
    { title: t('fields.status'), key: 'status', render: (_v, user) => <UserStatusTag user={user} /> },
    {
      title: t('twoFactor.userColumn'),
      key: 'twoFactor',
      render: (_v, user) => (
        <Tag color={user.twoFactorEnabled ? 'green' : 'default'} data-testid={`two-factor-${user.username}`}>
          {user.twoFactorEnabled ? t('twoFactor.enabled') : t('twoFactor.disabled')}
        </Tag>
      ),
    },
    { title: t('fields.email'), dataIndex: 'email', key: 'email', render: (v: string | null) => v ?? '—' },
    { title: t('fields.phone'), dataIndex: 'phone', key: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: t('fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: table.sortOrder('lastLoginAt'),
      render: formatDateTime,
    },
    {
      title: t('fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: table.sortOrder('createdAt'),
      render: formatDateTime,
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'end',
      render: (_v, user) => {
        // One's own account is edited in the profile; other accounts only if the role manages theirs.
        if (user.id === me.id) {
          return (
            <Button type="link" size="small" onClick={() => navigate('/profile')}>
              {t('menu.profile')}
            </Button>
          );
        }
        if (!manages.includes(user.role)) return null;
        return (
          <UserRowActions
            user={user}
            onEdit={() => setEditing(user)}
            onReset={(result) => setSecret({ kind: 'reset', result })}
            onChangeRole={changesRoles ? () => setChangingRole(user) : undefined}
          />
        );
      },
    });
  }

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          <ExportButton endpoint={API.exportUsers} filters={{ sort: table.sort, ...filters }} testId="user-export" />
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
              {t('users.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <UserFilterBar
          value={filters}
          onChange={(next) => {
            setFilters(next);
            table.resetPage();
          }}
        />
        {error && <ApiErrorAlert error={error} />}
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('common.total', { total }))}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <Empty description={filtered ? t('users.emptyFiltered') : t('users.empty')} />,
          }}
          data-testid="users-table"
        />
      </Flex>
      <UserCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setSecret({ kind: 'created', result });
        }}
      />
      <UserEditDrawer user={editing} onClose={() => setEditing(null)} />
      <UserRoleDrawer user={changingRole} onClose={() => setChangingRole(null)} />
      <OneTimeSecretModal
        open={secret !== null}
        title={t('users.oneTimeTitle')}
        intro={
          secret?.kind === 'reset'
            ? t('users.oneTimeReset', { name: secret.result.user.username })
            : t('users.oneTimeCreated', { name: secret?.result.user.username ?? '' })
        }
        secret={secret?.result.oneTimePassword ?? ''}
        warning={t('users.oneTimeWarning')}
        onClose={() => setSecret(null)}
      />
    </Card>
  );
}
