import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@suilian/contracts';
import { Button, Card, Empty, Flex, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { pagination, useTableState } from '../../shared/useTableState';
import { AuditDiff } from './AuditDiff';
import { AuditExportButton } from './AuditExportButton';
import { AuditFilterBar } from './AuditFilterBar';
import { type AuditFilters, useAuditEntries, useVerifyAudit } from './hooks';
import { actionLabel, entityLabel } from './names';
import { VerifyResult } from './VerifyResult';

export default function AuditPage() {
  const { t } = useTranslation();
  const table = useTableState({ sort: '-seq' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const { data, isFetching, error } = useAuditEntries(table, filters);
  const verify = useVerifyAudit();

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', sorter: true, sortOrder: table.sortOrder('seq'), width: 90 },
    { title: t('audit.occurredAt'), dataIndex: 'occurredAt', key: 'occurredAt', render: formatDateTime },
    { title: t('audit.actor'), dataIndex: 'actorName', key: 'actorName' },
    // Names, not codes (issue #12 item 7); the codes stay in the CSV export for those who need them.
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (a: string) => actionLabel(t, a) },
    { title: t('audit.entityType'), dataIndex: 'entityType', key: 'entityType', render: (e: string) => entityLabel(t, e) },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      key: 'entityId',
      render: (v: string | null) => (v ? <Typography.Text copyable={{ text: v }}>{v.slice(0, 8)}…</Typography.Text> : '—'),
    },
    { title: t('audit.clientIp'), dataIndex: 'clientIp', key: 'clientIp', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Space>
          <AuditExportButton filters={filters} />
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <VerifyResult verify={verify} />
        <AuditFilterBar
          onChange={(next) => {
            setFilters(next);
            table.resetPage();
          }}
        />
        {error && <ApiErrorAlert error={error} />}
        <Table<AuditEntry>
          rowKey="seq"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('common.total', { total }))}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
          expandable={{
            expandedRowRender: (entry) => (
              <Flex vertical gap={8}>
                <AuditDiff before={entry.before} after={entry.after} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('audit.requestId')}: {entry.requestId ?? '—'} · {t('audit.hash')}: <Typography.Text code>{entry.hash}</Typography.Text>
                </Typography.Text>
              </Flex>
            ),
          }}
          data-testid="audit-table"
        />
      </Flex>
    </Card>
  );
}
