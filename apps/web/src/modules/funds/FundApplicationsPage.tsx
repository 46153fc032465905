import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { API, FUND_APPLICATION_STATES, type FundApplicationState, type FundApplicationSummary } from '@suilian/contracts';
import { Button, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { urlOf, urlQuery } from '../../api/endpoints';
import { useAuth } from '../../session/auth';
import { FilterBar } from '../../shared/FilterBar';
import { formatDateTime, formatMoney } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { FundApplicationDrawer } from './FundApplicationDrawer';
import { FundStateTag } from './FundStateTag';
import { type FundApplicationFilters, useFundApplications, useFundProgrammes } from './hooks';

/** 专项资金申请 (issue #16 item 1): each role sees the applications in its reach; enterprises apply here. */
export default function FundApplicationsPage() {
  const { t, i18n } = useTranslation();
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const table = useTableState();
  const [urlFilters, setFilters] = useUrlFilters(['q', 'state', 'programmeId'] as const);
  const filters: FundApplicationFilters = {
    q: urlFilters.q,
    state: FUND_APPLICATION_STATES.find((s) => s === urlFilters.state),
    programmeId: urlFilters.programmeId,
  };
  const { data, isFetching, error } = useFundApplications(table, filters);
  const programmes = useFundProgrammes({ page: 1, pageSize: 100 });
  const [applying, setApplying] = useState(false);
  const zh = i18n.language.startsWith('zh');
  const canApply = can('fund:apply') && me?.role === 'enterprise_user';

  const columns: TableColumnsType<FundApplicationSummary> = [
    { title: t('funds.fields.code'), dataIndex: 'code', key: 'code', width: 140 },
    { title: t('funds.fields.programme'), key: 'programme', render: (_v, a) => (zh ? a.programmeNameZh : a.programmeNameEn) },
    { title: t('funds.fields.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise' },
    { title: t('funds.fields.district'), dataIndex: 'districtName', key: 'district', width: 90 },
    { title: t('funds.fields.project'), dataIndex: 'projectTitle', key: 'project', ellipsis: true },
    { title: t('funds.fields.state'), key: 'state', width: 110, render: (_v, a) => <FundStateTag state={a.state} /> },
    { title: t('funds.fields.requestedAmount'), key: 'requested', align: 'right', render: (_v, a) => formatMoney(a.requestedAmount) },
    { title: t('funds.fields.awardedAmount'), key: 'awarded', align: 'right', render: (_v, a) => formatMoney(a.awardedAmount) },
    { title: t('funds.fields.disbursedAmount'), key: 'disbursed', align: 'right', render: (_v, a) => formatMoney(a.disbursedAmount) },
    { title: t('funds.fields.updatedAt'), key: 'updated', width: 150, render: (_v, a) => formatDateTime(a.updatedAt) },
  ];

  return (
    <ListPage
      title={t('funds.applicationsTitle')}
      testId="fund-applications-page"
      error={error}
      extra={
        <Space>
          <Button
            icon={<FileExcelOutlined />}
            href={urlOf(API.exportFundApplications, { query: urlQuery(API.exportFundApplications, { ...filters }) })}
            data-testid="fund-export"
          >
            {t('funds.export')}
          </Button>
          {canApply && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="fund-apply-open">
              {t('funds.apply')}
            </Button>
          )}
        </Space>
      }
      overlays={
        <FundApplicationDrawer
          open={applying}
          onClose={() => setApplying(false)}
          onSaved={(a) => {
            setApplying(false);
            navigate(`/funds/applications/${a.id}`);
          }}
        />
      }
    >
      <FilterBar value={filters} onChange={(next) => setFilters(next)} placeholder={t('funds.search')} testId="fund-filters">
        <Select
          allowClear
          style={{ width: 240 }}
          placeholder={t('funds.fields.programme')}
          value={filters.programmeId}
          onChange={(programmeId?: string) => setFilters({ ...filters, programmeId })}
          options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: zh ? p.nameZh : p.nameEn }))}
          data-testid="fund-programme-filter"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('funds.fields.state')}
          value={filters.state}
          onChange={(state?: FundApplicationState) => setFilters({ ...filters, state })}
          options={FUND_APPLICATION_STATES.map((s) => ({ value: s, label: t(`funds.state.${s}`) }))}
          data-testid="fund-state-filter"
        />
      </FilterBar>
      <ServerTable<FundApplicationSummary>
        rowKey="id"
        table={table}
        page={data}
        fetching={isFetching}
        columns={columns}
        onOpen={(a) => navigate(`/funds/applications/${a.id}`)}
        emptyText={t('funds.empty')}
        testId="fund-applications-table"
      />
    </ListPage>
  );
}
