import { ADVISORY_SOURCES, type Advisory } from '@suilian/contracts';
import { Drawer, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { FilterBar } from '../../shared/FilterBar';
import { formatDate } from '../../shared/format';
import { ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useAdvisories } from './hooks';
import { AdvisoryHistory } from './VulnerabilityDrawer';

/** The imported advisories (CSAF, CVE records, CNVD entries) with their versions; a drawer shows one's history. */
export function AdvisoriesTable() {
  const { t } = useTranslation();
  const table = useTableState();
  const [filters, setFilters] = useState<{ q?: string; source?: string }>({});
  const { data, isFetching, error } = useAdvisories(table, filters);
  const [open, setOpen] = useState<Advisory>();
  const c = (key: string) => t(`vulnerabilities.catalogue.${key}` as 'vulnerabilities.catalogue.title');
  const change = (next: typeof filters) => {
    setFilters(next);
    table.resetPage();
  };
  return (
    <Flex vertical gap={16}>
      <FilterBar value={filters} onChange={change} placeholder={c('advisorySearch')} testId="advisory-filters">
        <Select
          value={filters.source}
          onChange={(source) => change({ ...filters, source })}
          options={ADVISORY_SOURCES.map((s) => ({ value: s, label: t(`vulnerabilities.sources.${s}`) }))}
          placeholder={c('source')}
          allowClear
          style={{ width: 110 }}
        />
      </FilterBar>
      {error && <ApiErrorAlert error={error} />}
      <ServerTable<Advisory>
        rowKey="id"
        table={table}
        page={data}
        fetching={isFetching}
        totalText={(total) => t('vulnerabilities.common.total', { total })}
        onOpen={(r) => setOpen(r)}
        testId="advisory-table"
        columns={[
          { title: c('key'), dataIndex: 'trackingId', width: 170, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: c('version'), dataIndex: 'trackingVersion', width: 70 },
          { title: c('name'), dataIndex: 'title' },
          {
            title: c('source'),
            dataIndex: 'source',
            width: 80,
            render: (s: Advisory['source']) => <Tag>{t(`vulnerabilities.sources.${s}`)}</Tag>,
          },
          { title: c('publisher'), dataIndex: 'publisher', render: (v: string | null) => v ?? '—' },
          { title: c('published'), dataIndex: 'currentReleaseAt', width: 110, render: formatDate },
          { title: c('vulnCount'), dataIndex: 'vulnerabilityCount', width: 80, align: 'right' },
        ]}
      />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size={720}
        title={open ? `${open.trackingId} · ${open.title}` : ''}
        destroyOnHidden
      >
        {open && <AdvisoryHistory id={open.id} />}
      </Drawer>
    </Flex>
  );
}
