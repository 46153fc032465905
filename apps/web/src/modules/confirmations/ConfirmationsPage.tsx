import type { PendingConfirmation } from '@suilian/contracts';
import { Alert, Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../session/locale';
import { itemName, useCodeList } from '../../shared/codeLists';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ConfirmationActions, ConfirmationStateTag } from './ConfirmationActions';
import { type ConfirmTarget, usePendingConfirmations } from './hooks';

/** Where the record itself is shown in the console. */
export function pendingLink(p: PendingConfirmation): string {
  if (p.kind === 'factory') return `/programme/factories/${p.id}`;
  if (p.kind === 'honour') return `/programme/enterprises/${p.orgId}`;
  return `/programme/ecosystem/${p.registry}?record=${p.id}`;
}

function targetOf(p: PendingConfirmation): ConfirmTarget {
  if (p.kind === 'honour') return { kind: 'honour', id: p.id, enterpriseId: p.orgId };
  return { kind: p.kind, id: p.id };
}

/**
 * 待确认: what enterprises declared in the caller's district (the city: everywhere) and what does
 * not count toward its target until confirmed (issue #12 item 5); 工作台's to-do leads here.
 */
export default function ConfirmationsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const honourTypes = useCodeList('honour_type').data;
  const { data, isPending, error } = usePendingConfirmations();
  const titleOf = (p: PendingConfirmation) => {
    if (p.kind !== 'honour') return p.title;
    const item = honourTypes?.items.find((i) => i.code === p.registry);
    return item ? `${itemName(item, locale)}（${p.title.split(' ').pop()}）` : p.title;
  };
  const columns: TableColumnsType<PendingConfirmation> = [
    {
      title: t('confirmations.kind'),
      key: 'kind',
      width: 140,
      render: (_v, p) => (
        <Tag>
          {p.kind === 'registry_record' && p.registry ? t(`menu.${p.registry}` as 'menu.factories') : t(`confirmations.kinds.${p.kind}`)}
        </Tag>
      ),
    },
    { title: t('confirmations.record'), key: 'title', render: (_v, p) => <Link to={pendingLink(p)}>{titleOf(p)}</Link> },
    { title: t('confirmations.declarer'), dataIndex: 'orgName', key: 'org' },
    { title: t('confirmations.declaredAt'), dataIndex: 'declaredAt', key: 'declaredAt', width: 170, render: formatDateTime },
    { title: t('confirmations.column'), key: 'state', width: 130, render: () => <ConfirmationStateTag state="declared" /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_v, p) => <ConfirmationActions size="small" target={targetOf(p)} state="declared" version={p.version} />,
    },
  ];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('confirmations.pageTitle')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('confirmations.pageHint')} />
        {error && <ApiErrorAlert error={error} />}
        <Table<PendingConfirmation>
          rowKey={(p) => `${p.kind}:${p.id}`}
          loading={isPending}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { total: n }) }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('confirmations.empty')} /> }}
          data-testid="confirmations-table"
        />
      </Flex>
    </Card>
  );
}
