import { PlusOutlined } from '@ant-design/icons';
import type { HandleTemplate, TemplateItem } from '@suilian/contracts';
import { Button, Card, Drawer, Empty, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { useCodeNames } from '../../shared/codeLists';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useTemplates } from './hooks';
import { industryDivision } from './logic';
import { PrefixSelect } from './PrefixSelect';
import { TemplateEditorDrawer, type TemplateEditorMode } from './TemplateEditorDrawer';

const FILTER_KEYS = ['prefix'] as const;

/** An item's limits in words: `≤ 32`, `1–100`, `A / B / C`. */
function limitsText(item: TemplateItem): string {
  const range = (lo: unknown, hi: unknown) => (lo !== undefined || hi !== undefined ? `${lo ?? ''}–${hi ?? ''}` : '');
  switch (item.type) {
    case 'number':
      return range(item.min, item.max);
    case 'date':
      return range(item.minDate, item.maxDate);
    case 'enum':
      return (item.options ?? []).join(' / ');
    default:
      return [range(item.minLength, item.maxLength), item.pattern ? `/${item.pattern}/` : ''].filter(Boolean).join(' ');
  }
}

function ItemsTable({ items }: { items: TemplateItem[] }) {
  const { t } = useTranslation();
  return (
    <Table<TemplateItem>
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('handles.template.itemName'), dataIndex: 'name', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
        { title: t('handles.template.itemLabel'), dataIndex: 'label' },
        {
          title: t('handles.template.itemType'),
          dataIndex: 'type',
          render: (type: TemplateItem['type']) => t(`handles.template.types.${type}`),
        },
        { title: t('handles.template.required'), dataIndex: 'required', render: (r: boolean) => (r ? t('common.yes') : t('common.no')) },
        { title: t('handles.template.limitsTitle'), key: 'limits', render: (_, item) => limitsText(item) || '—' },
      ]}
    />
  );
}

/** 模板管理: a prefix's metadata templates by GB/T 4754 class, every version, and new versions. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const prefix = filters.prefix;
  const { data, isFetching, error } = useTemplates(prefix);
  const industryName = useCodeNames('industry');
  const [editor, setEditor] = useState<TemplateEditorMode | null>(null);
  const [viewing, setViewing] = useState<HandleTemplate | null>(null);
  const canWrite = can('handle:write');
  const rows = [...(data ?? [])].sort((a, b) => a.industryCode.localeCompare(b.industryCode) || b.version - a.version);

  const columns: TableColumnsType<HandleTemplate> = [
    {
      title: t('handles.template.industryCode'),
      dataIndex: 'industryCode',
      render: (code: string) => (
        <Space>
          <Typography.Text strong>{code}</Typography.Text>
          <Typography.Text type="secondary">{industryName(industryDivision(code))}</Typography.Text>
        </Space>
      ),
    },
    { title: t('handles.template.name'), dataIndex: 'name' },
    {
      title: t('handles.template.version'),
      dataIndex: 'version',
      render: (v: number, tpl) => (
        <Space>
          {`v${v}`}
          {tpl.current && <Tag color="green">{t('handles.template.current')}</Tag>}
        </Space>
      ),
    },
    { title: t('handles.template.itemCount'), key: 'items', align: 'right', render: (_, tpl) => tpl.items.length },
    { title: t('handles.template.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, tpl) => (
        <Space size="small">
          <Typography.Link onClick={() => setViewing(tpl)}>{t('common.details')}</Typography.Link>
          {canWrite && tpl.current && prefix && (
            <Typography.Link onClick={() => setEditor({ prefix, base: tpl })} data-testid={`template-new-version-${tpl.industryCode}`}>
              {t('handles.template.newVersion')}
            </Typography.Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('menu.handleTemplates')}
      extra={
        canWrite &&
        prefix && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ prefix })} data-testid="template-create">
            {t('handles.template.create')}
          </Button>
        )
      }
      data-testid="templates-page"
    >
      <Flex vertical gap={16}>
        <Space>
          <Typography.Text>{t('handles.prefix.prefix')}</Typography.Text>
          <PrefixSelect value={prefix} onChange={(p) => setFilters({ prefix: p })} data-testid="template-prefix" />
        </Space>
        {error && <ApiErrorAlert error={error} />}
        {prefix ? (
          <Table<HandleTemplate>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={isFetching}
            pagination={false}
            locale={{ emptyText: <Empty description={t('handles.template.empty')} /> }}
            data-testid="templates-table"
          />
        ) : (
          <Empty description={t('handles.template.pickPrefix')} />
        )}
      </Flex>
      <TemplateEditorDrawer mode={editor} onClose={() => setEditor(null)} />
      <Drawer
        open={viewing !== null}
        onClose={() => setViewing(null)}
        size={820}
        title={viewing ? `${viewing.industryCode} · ${viewing.name} v${viewing.version}` : ''}
      >
        {viewing && <ItemsTable items={viewing.items} />}
      </Drawer>
    </Card>
  );
}
