import { PlusOutlined } from '@ant-design/icons';
import { CODE_LIST_KEYS, type CodeItem, type CodeListKey } from '@suilian/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../session/auth';
import { useLocale } from '../../session/locale';
import { itemName, useCodeList } from '../../shared/codeLists';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { StatusTag } from '../../shared/StatusTag';
import { CodeItemDrawer, type CodeItemMode } from './CodeItemDrawer';
import { useCodeLists, useRetireItem, useUpsertItem } from './hooks';

function ItemsTable({ listKey, writable }: { listKey: CodeListKey; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const notifyError = useNotifyError();
  const { data, isFetching, error } = useCodeList(listKey);
  const retire = useRetireItem(listKey);
  const restore = useUpsertItem(listKey);
  const [showRetired, setShowRetired] = useState(false);
  const [mode, setMode] = useState<CodeItemMode | null>(null);
  const items = (data?.items ?? []).filter((i) => showRetired || i.active);
  const retiredCount = (data?.items ?? []).filter((i) => !i.active).length;

  const columns: TableColumnsType<CodeItem> = [
    { title: t('fields.code'), dataIndex: 'code', key: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
    { title: t('fields.nameZh'), dataIndex: 'nameZh', key: 'nameZh' },
    { title: t('fields.nameEn'), dataIndex: 'nameEn', key: 'nameEn' },
    { title: t('fields.sortOrder'), dataIndex: 'sortOrder', key: 'sortOrder', align: 'right' },
    {
      title: t('codeLists.attrs'),
      dataIndex: 'attrs',
      key: 'attrs',
      render: (attrs: CodeItem['attrs']) =>
        Object.keys(attrs).length === 0 ? (
          '—'
        ) : (
          <Space size={[0, 4]} wrap>
            {Object.entries(attrs).map(([k, v]) => (
              <Tag key={k} variant="filled">{`${k}: ${String(v)}`}</Tag>
            ))}
          </Space>
        ),
    },
    { title: t('codeLists.since'), dataIndex: 'sinceVersion', key: 'sinceVersion', align: 'right' },
    {
      title: t('codeLists.retiredIn'),
      dataIndex: 'retiredVersion',
      key: 'retiredVersion',
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('fields.status'),
      key: 'active',
      render: (_v, i) =>
        i.active ? (
          <StatusTag tone="done">{t('codeLists.active')}</StatusTag>
        ) : (
          <StatusTag tone="closed">{t('codeLists.retired')}</StatusTag>
        ),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_v, item) => {
        const name = itemName(item, locale);
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setMode({ type: 'edit', item })}>
              {t('common.edit')}
            </Button>
            {item.active ? (
              <Popconfirm
                title={t('codeLists.retireConfirm', { name })}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  retire.mutateAsync(item.code).then(() => void message.success(t('codeLists.retiredDone', { name })), notifyError)
                }
              >
                <Button type="link" size="small" danger data-testid={`code-retire-${item.code}`}>
                  {t('codeLists.retire')}
                </Button>
              </Popconfirm>
            ) : (
              <Button
                type="link"
                size="small"
                data-testid={`code-restore-${item.code}`}
                onClick={() =>
                  restore
                    .mutateAsync({ code: item.code, body: { nameZh: item.nameZh, nameEn: item.nameEn, sortOrder: item.sortOrder } })
                    .then(() => void message.success(t('codeLists.restored', { name })), notifyError)
                }
              >
                {t('codeLists.restore')}
              </Button>
            )}
          </Space>
        );
      },
    });
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Switch checked={showRetired} onChange={setShowRetired} size="small" data-testid="code-show-retired" />
          <Typography.Text>
            {t('codeLists.showRetired')} ({retiredCount})
          </Typography.Text>
        </Space>
        {writable && (
          <Button icon={<PlusOutlined />} onClick={() => setMode({ type: 'create' })} data-testid="code-item-add">
            {t('codeLists.addItem')}
          </Button>
        )}
      </Flex>
      {error && <ApiErrorAlert error={error} />}
      <Table<CodeItem>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={items}
        loading={isFetching}
        pagination={items.length > 50 ? { pageSize: 50 } : false}
        rowClassName={(i) => (i.active ? '' : 'code-item-retired')}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('codeLists.empty')} /> }}
        data-testid="code-items-table"
      />
      <CodeItemDrawer listKey={listKey} mode={mode} onClose={() => setMode(null)} />
    </Flex>
  );
}

/** 代码表: the versioned lists (industry, cluster, size, honour, scenario); city administrators edit them. */
export default function CodeListsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const lists = useCodeLists();
  const requested = params.get('list');
  const active: CodeListKey = CODE_LIST_KEYS.includes(requested as CodeListKey) ? (requested as CodeListKey) : 'scenario';
  const writable = can('codelist:write');

  return (
    <Card title={t('codeLists.title')}>
      <Flex vertical gap={12}>
        {!writable && <Alert type="info" showIcon title={t('codeLists.readOnly')} />}
        {lists.error && <ApiErrorAlert error={lists.error} />}
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ list: key }, { replace: true })}
          data-testid="code-lists-tabs"
          items={(lists.data ?? []).map((l) => ({
            key: l.key,
            label: (
              <Space size={4}>
                {locale === 'zh-CN' ? l.nameZh : l.nameEn}
                <Tag variant="filled">{t('codeLists.version', { version: l.version })}</Tag>
              </Space>
            ),
            children: l.key === active ? <ItemsTable listKey={l.key} writable={writable} /> : null,
          }))}
        />
      </Flex>
    </Card>
  );
}
