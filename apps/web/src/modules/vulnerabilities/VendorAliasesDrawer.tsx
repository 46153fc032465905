import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { VendorAlias } from '@suilian/contracts';
import { Button, Drawer, Flex, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { useAliases, useDeleteAlias, useSaveAlias } from './hooks';

interface Values {
  canonical: string;
  names: string[];
}

/** Analysts keep vendor aliases ("Siemens AG" = "Siemens" = "西门子"); the matcher reads them. */
export function VendorAliasesDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const list = useAliases(open);
  const save = useSaveAlias();
  const remove = useDeleteAlias();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<VendorAlias | 'new' | null>(null);
  const a = (key: string) => t(`vulnerabilities.aliases.${key}` as 'vulnerabilities.aliases.title');
  const submit = (v: Values) => {
    const target = editing === 'new' ? undefined : (editing ?? undefined);
    save.mutate({ id: target?.id, version: target?.version, body: v }, { onSuccess: () => setEditing(null) });
  };
  return (
    <Drawer open={open} onClose={onClose} size={720} title={a('title')} destroyOnHidden data-testid="aliases-drawer">
      <Flex vertical gap={12}>
        {list.error && <ApiErrorAlert error={list.error} />}
        {editing ? (
          <Form<Values>
            key={editing === 'new' ? 'new' : editing.id}
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={editing === 'new' ? { canonical: '', names: [] } : { canonical: editing.canonical, names: editing.names }}
          >
            {save.error && <ApiErrorAlert error={save.error} showReason style={{ marginBottom: 12 }} />}
            <Form.Item name="canonical" label={a('canonical')} rules={[{ required: true, max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="names" label={a('names')} extra={a('namesHint')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Select mode="tags" open={false} />
            </Form.Item>
            <Space>
              <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('vulnerabilities.common.save')}
              </Button>
            </Space>
          </Form>
        ) : (
          <div>
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {a('add')}
            </Button>
          </div>
        )}
        <Table<VendorAlias>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data}
          pagination={false}
          locale={{ emptyText: a('empty') }}
          columns={[
            { title: a('canonical'), dataIndex: 'canonical', width: 180 },
            {
              title: a('names'),
              dataIndex: 'names',
              render: (names: string[]) => names.map((n) => <Tag key={n}>{n}</Tag>),
            },
            {
              key: 'actions',
              width: 90,
              render: (_v, row) => (
                <Space>
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(row)}
                    aria-label={t('vulnerabilities.common.edit')}
                  />
                  <Popconfirm
                    title={t('vulnerabilities.aliases.deleteConfirm', { name: row.canonical })}
                    onConfirm={() => remove.mutate(row.id, { onError: notifyError })}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('vulnerabilities.common.delete')} />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
