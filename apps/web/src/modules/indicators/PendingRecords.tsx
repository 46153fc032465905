import type { IndicatorRecord } from '@suilian/contracts';
import { Alert, Button, Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../session/auth';
import { StatusTag } from '../../shared/StatusTag';

/** The confirmation state of a counted or pending record (issue #12 item 5); nothing for records without one. */
export function ConfirmationTag({ state }: { state: IndicatorRecord['confirmation'] }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <StatusTag tone={state === 'confirmed' ? 'done' : state === 'declared' ? 'attention' : 'failed'} data-testid={`confirmation-${state}`}>
      {t(`confirmations.states.${state}`)}
    </StatusTag>
  );
}

/**
 * Records enterprises declared that the value does not count yet: listed apart, with how many wait
 * for their district's confirmation (issue #12 item 5).
 */
export function PendingRecords({
  records,
  total,
  columns,
}: {
  records: IndicatorRecord[];
  total: number;
  columns: TableColumnsType<IndicatorRecord>;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (total === 0) return null;
  return (
    <Card
      size="small"
      title={t('confirmations.pendingTitle')}
      data-testid="drill-pending"
      extra={
        can('record:confirm') && (
          <Link to="/programme/confirmations" data-testid="drill-pending-confirm">
            <Button size="small" type="primary">
              {t('confirmations.goConfirm')}
            </Button>
          </Link>
        )
      }
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('confirmations.pendingHint', { count: total })} />
      <Table<IndicatorRecord>
        rowKey={(r) => `${r.kind}:${r.id}`}
        size="small"
        columns={columns}
        dataSource={records}
        pagination={false}
        data-testid="drill-pending-table"
      />
    </Card>
  );
}
