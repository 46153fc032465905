import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@suilian/contracts';
import { Button, Card, Col, Empty, Flex, Row, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { pagination, useTableState } from '../../shared/useTableState';
import { AuditFilterBar } from './AuditFilterBar';
import { type AuditFilters, useAuditEntries, useVerifyAudit } from './hooks';
import { VerifyResult } from './VerifyResult';

/** Pretty JSON as plain text: React escapes it, nothing is ever interpreted as HTML. */
function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{ background: '#f6f8fa', padding: 12, borderRadius: 6, maxHeight: 360, overflow: 'auto', fontSize: 12, margin: '4px 0 0' }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

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
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    { title: t('audit.entityType'), dataIndex: 'entityType', key: 'entityType' },
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
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
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
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <JsonBlock title={t('audit.before')} value={entry.before} />
                  </Col>
                  <Col xs={24} md={12}>
                    <JsonBlock title={t('audit.after')} value={entry.after} />
                  </Col>
                </Row>
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
