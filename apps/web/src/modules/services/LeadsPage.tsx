import { API, type DemandMatch, LEAD_STATUSES, type Lead } from '@suilian/contracts';
import { App, Button, Card, Empty, Flex, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { useNotifyError } from '../../shared/errors';
import { FilterBar } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { LEAD_FILTER_KEYS, useCreateLead, useLeads, useProviderMatches } from './hooks';
import { LeadDrawer } from './LeadDrawer';
import { MatchReasons } from './MatchReasons';
import { LeadStatusTag } from './tags';

/** For providers: open demands ranked for their published solutions, each with reasons and an offer button. */
function ProviderMatches() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { data, isPending } = useProviderMatches(true);
  const createLead = useCreateLead();
  return (
    <Card size="small" title={t('services.providerMatchesTitle')} data-testid="provider-matches">
      <List<DemandMatch>
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('services.providerMatchesEmpty')} /> }}
        renderItem={(m) => (
          <List.Item
            actions={[
              m.leadId ? (
                <Tag key="lead">{t('services.leadCount')}</Tag>
              ) : (
                <Button
                  key="offer"
                  loading={createLead.isPending && createLead.variables?.demandId === m.demand.id}
                  onClick={() =>
                    createLead.mutate(
                      { demandId: m.demand.id, solutionId: m.solutionId },
                      { onSuccess: () => void message.success(t('services.followedUp')), onError: notifyError },
                    )
                  }
                >
                  {t('services.offerSolution')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{m.demand.title}</Typography.Text>
                  <Typography.Text type="secondary">
                    {m.demand.enterpriseName} · {m.demand.districtName}
                  </Typography.Text>
                  <Tag>
                    {t('services.bestSolution')}：{m.solutionTitle}
                  </Tag>
                </Space>
              }
              description={<MatchReasons score={m.score} contributions={m.contributions} />}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 对接线索 (issue #15 item 3): the caller's leads; a row (or `?lead=`) opens its follow-ups. */
export default function LeadsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(LEAD_FILTER_KEYS);
  const [params, setParams] = useSearchParams();
  const openId = params.get('lead') ?? undefined;
  const { data, isFetching, error } = useLeads(table, filters);
  const setOpen = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('lead', id);
    else next.delete('lead');
    setParams(next);
  };
  const columns = [
    {
      title: t('services.demandTitle'),
      key: 'demand',
      render: (_: unknown, l: Lead) => (
        <Flex vertical>
          <Typography.Text strong>{l.demandTitle}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.enterpriseName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('services.solutionsTitle'),
      key: 'solution',
      render: (_: unknown, l: Lead) => (
        <Flex vertical>
          <Typography.Text>{l.solutionTitle}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.providerName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('services.status'), key: 'status', render: (_: unknown, l: Lead) => <LeadStatusTag status={l.status} /> },
    { title: t('services.score'), key: 'score', render: (_: unknown, l: Lead) => l.score ?? '—' },
    { title: t('services.openedBy'), key: 'openedBy', render: (_: unknown, l: Lead) => t(`leadSides.${l.openedBy}`) },
    { title: t('fields.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', render: formatDateTime },
  ];
  return (
    <Flex vertical gap={16}>
      {me.role === 'provider_user' && <ProviderMatches />}
      <ListPage
        title={t('services.leadsTitle')}
        testId="leads-page"
        error={error}
        extra={<ExportButton endpoint={API.exportLeads} filters={filters} testId="lead-export" />}
        overlays={<LeadDrawer id={openId} onClose={() => setOpen(undefined)} />}
      >
        <FilterBar
          value={filters}
          onChange={(next) => {
            setFilters(next);
            table.resetPage();
          }}
          placeholder={t('services.searchDemands')}
          testId="lead-filters"
        >
          <Select
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status })}
            options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leadStatuses.${s}`) }))}
            placeholder={t('services.status')}
            allowClear
            style={{ width: 130 }}
          />
        </FilterBar>
        <ServerTable<Lead>
          rowKey="id"
          columns={columns}
          table={table}
          page={data}
          fetching={isFetching}
          onOpen={(l) => setOpen(l.id)}
          emptyText={t('services.leadsEmpty')}
          testId="leads-table"
        />
      </ListPage>
    </Flex>
  );
}
