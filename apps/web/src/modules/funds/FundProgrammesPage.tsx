import { PlusOutlined } from '@ant-design/icons';
import type { FundProgramme } from '@suilian/contracts';
import { Button, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { formatDate, formatMoney } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { FundProgrammeDrawer } from './FundProgrammeDrawer';
import { useFundProgrammes } from './hooks';

const WINDOW_COLOURS = { upcoming: 'blue', open: 'green', closed: 'default' } as const;

/** 资金专项 (issue #16 item 1): everyone with fund:read sees the programmes; city administrators keep them. */
export default function FundProgrammesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const table = useTableState();
  const { data, isFetching, error } = useFundProgrammes(table);
  const [editing, setEditing] = useState<FundProgramme | 'new' | null>(null);
  const writable = can('fund:manage');
  const zh = i18n.language.startsWith('zh');
  const budget = (p: FundProgramme) => p.budgets.map((b) => `${b.year}: ${formatMoney(b.amount)}`).join('；');

  const columns: TableColumnsType<FundProgramme> = [
    {
      title: t('funds.fields.programme'),
      key: 'name',
      render: (_v, p) => (
        <>
          <div>{zh ? p.nameZh : p.nameEn}</div>
          <Typography.Text type="secondary">{p.policyBasis}</Typography.Text>
        </>
      ),
    },
    {
      title: t('funds.fields.window'),
      key: 'window',
      render: (_v, p) => (
        <>
          <Tag color={WINDOW_COLOURS[p.window]}>{t(`funds.window.${p.window}`)}</Tag>
          {`${formatDate(p.opensOn)} ~ ${formatDate(p.closesOn)}`}
        </>
      ),
    },
    { title: t('funds.fields.awardRule'), key: 'rule', render: (_v, p) => t(`funds.awardKinds.${p.awardRule.kind}`) },
    { title: t('funds.fields.budgets'), key: 'budget', render: (_v, p) => budget(p) },
    { title: t('funds.fields.awardedTotal'), key: 'awarded', align: 'right', render: (_v, p) => formatMoney(p.awardedTotal) },
    { title: t('funds.fields.applicationCount'), dataIndex: 'applicationCount', key: 'count', align: 'right' },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, p: FundProgramme) => (
              <Button size="small" onClick={() => setEditing(p)} data-testid="fund-programme-edit">
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListPage
      title={t('funds.programmesTitle')}
      testId="fund-programmes-page"
      error={error}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="fund-programme-create">
            {t('funds.createProgramme')}
          </Button>
        )
      }
      overlays={editing && <FundProgrammeDrawer open editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    >
      <ServerTable<FundProgramme>
        rowKey="id"
        table={table}
        page={data}
        fetching={isFetching}
        columns={columns}
        emptyText={t('funds.emptyProgrammes')}
        testId="fund-programmes-table"
      />
    </ListPage>
  );
}
