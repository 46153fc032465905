import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { isLink, type ResolvedValue, valueText } from './resolve';

/** A record's values as Handle clients show them: index, type, data (with its format), TTL, timestamp. */
export function ValuesTable({
  values,
  labels = {},
  extraColumns = [],
}: {
  values: ResolvedValue[];
  /** People's names of value types (template items: `batchNo` → 生产批次). */
  labels?: Record<string, string>;
  extraColumns?: Parameters<typeof Table<ResolvedValue>>[0]['columns'];
}) {
  const { t } = useTranslation();
  return (
    <Table<ResolvedValue>
      rowKey="index"
      size="small"
      pagination={false}
      dataSource={[...values].sort((a, b) => a.index - b.index)}
      data-testid="handle-values"
      onRow={(v) => ({ 'data-testid': `handle-value-${v.index}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('handles.value.index'), dataIndex: 'index', width: 80 },
        {
          title: t('handles.value.type'),
          dataIndex: 'type',
          width: 180,
          render: (type: string) => (
            <span>
              {labels[type] && <span style={{ marginInlineEnd: 6 }}>{labels[type]}</span>}
              <Typography.Text code>{type}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('handles.value.data'),
          key: 'data',
          render: (_, v) => {
            const text = valueText(v);
            return (
              <span data-testid="handle-value-data">
                {isLink(v) ? (
                  <Typography.Link href={text} target="_blank" rel="noopener noreferrer">
                    {text}
                  </Typography.Link>
                ) : (
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{text}</Typography.Text>
                )}
                {v.data.format !== 'string' && <Tag style={{ marginInlineStart: 8 }}>{v.data.format}</Tag>}
              </span>
            );
          },
        },
        { title: t('handles.value.ttl'), dataIndex: 'ttl', width: 100, render: (ttl?: number) => (ttl === undefined ? '—' : `${ttl} s`) },
        { title: t('handles.value.timestamp'), dataIndex: 'timestamp', width: 160, render: (ts?: string) => formatDateTime(ts) },
        ...(extraColumns ?? []),
      ]}
    />
  );
}
