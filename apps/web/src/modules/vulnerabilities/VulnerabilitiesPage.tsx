import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { ADVISORY_SOURCES, API, VULN_GRADES, type Vulnerability } from '@suilian/contracts';
import { Button, Checkbox, Flex, Select, Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert } from '../../shared/errors';
import { FilterBar } from '../../shared/FilterBar';
import { formatDate } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { SourceText } from '../../shared/SourceText';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { AdvisoriesTable } from './AdvisoriesTable';
import { AdvisoryUpload } from './AdvisoryUpload';
import { DirectoryImport } from './DirectoryImport';
import { useVulnerabilities } from './hooks';
import { GradeTag } from './labels';
import { ManualRecordDrawer } from './ManualRecordDrawer';
import { VendorAliasesDrawer } from './VendorAliasesDrawer';
import { VulnerabilityDrawer } from './VulnerabilityDrawer';

const FILTER_KEYS = ['q', 'grade', 'source', 'disagrees'] as const;

/** 漏洞库: every vulnerability (deduplicated by CVE), with imports and manual entry for analysts. */
export default function VulnerabilitiesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const { data, isFetching, error } = useVulnerabilities(table, filters);
  const [open, setOpen] = useState<string>();
  const [manual, setManual] = useState(false);
  const [aliases, setAliases] = useState(false);
  const c = (key: string) => t(`vulnerabilities.catalogue.${key}` as 'vulnerabilities.catalogue.title');
  const change = (next: typeof filters) => {
    setFilters(next);
    table.resetPage();
  };

  const columns: TableColumnsType<Vulnerability> = [
    { title: c('key'), dataIndex: 'key', key: 'key', width: 170, render: (k: string) => <Typography.Text strong>{k}</Typography.Text> },
    { title: c('name'), key: 'title', render: (_v, r) => r.titleZh ?? <SourceText>{r.title}</SourceText> },
    {
      title: c('grade'),
      key: 'baseScore',
      dataIndex: 'baseScore',
      width: 150,
      render: (s: number | null, r) => (
        <span>
          <GradeTag grade={r.grade} /> {s ?? ''}
          {r.scoreDisagrees && (
            <Tag color="orange" data-testid="score-disagrees">
              {c('disagrees')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: c('source'),
      dataIndex: 'sources',
      key: 'sources',
      width: 130,
      render: (s: Vulnerability['sources']) => s.map((x) => <Tag key={x}>{t(`vulnerabilities.sources.${x}`)}</Tag>),
    },
    { title: c('published'), dataIndex: 'publishedAt', key: 'publishedAt', width: 110, render: formatDate },
    { title: c('affectedAssets'), dataIndex: 'affectedAssets', key: 'affectedAssets', align: 'right', width: 100 },
  ];

  return (
    <ListPage
      title={c('title')}
      testId="vulnerabilities-page"
      extra={
        can('vuln:manage') && (
          <Space wrap>
            <AdvisoryUpload kind="csaf" />
            <AdvisoryUpload kind="cve" />
            <DirectoryImport />
            <Button icon={<EditOutlined />} onClick={() => setManual(true)} data-testid="manual-open">
              {c('manual')}
            </Button>
            <Button icon={<TeamOutlined />} onClick={() => setAliases(true)} data-testid="aliases-open">
              {c('aliases')}
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        items={[
          {
            key: 'vulnerabilities',
            label: c('vulnerabilities'),
            children: (
              <Flex vertical gap={16}>
                <FilterBar value={filters} onChange={change} placeholder={c('search')} testId="vuln-filters" searchTestId="vuln-filter-q">
                  <Select
                    value={filters.grade}
                    onChange={(grade) => change({ ...filters, grade })}
                    options={VULN_GRADES.map((g) => ({ value: g, label: t(`vulnerabilities.grades.${g}`) }))}
                    placeholder={c('grade')}
                    allowClear
                    style={{ width: 110 }}
                    data-testid="vuln-filter-grade"
                  />
                  <Select
                    value={filters.source}
                    onChange={(source) => change({ ...filters, source })}
                    options={ADVISORY_SOURCES.map((s) => ({ value: s, label: t(`vulnerabilities.sources.${s}`) }))}
                    placeholder={c('source')}
                    allowClear
                    style={{ width: 110 }}
                    data-testid="vuln-filter-source"
                  />
                  <Checkbox
                    checked={filters.disagrees === 'true'}
                    onChange={(e) => change({ ...filters, disagrees: e.target.checked ? 'true' : undefined })}
                  >
                    {c('disagreesOnly')}
                  </Checkbox>
                  <ExportButton endpoint={API.exportVulnerabilities} filters={{ sort: table.sort, ...filters }} testId="vuln-export" />
                </FilterBar>
                {error && <ApiErrorAlert error={error} />}
                <ServerTable<Vulnerability>
                  rowKey="id"
                  columns={columns}
                  table={table}
                  page={data}
                  fetching={isFetching}
                  totalText={(total) => t('vulnerabilities.common.total', { total })}
                  onOpen={(r) => setOpen(r.id)}
                  emptyText={c('empty')}
                  testId="vuln-table"
                />
              </Flex>
            ),
          },
          { key: 'advisories', label: c('advisories'), children: <AdvisoriesTable /> },
        ]}
      />
      <VulnerabilityDrawer id={open} onClose={() => setOpen(undefined)} />
      <ManualRecordDrawer open={manual} onClose={() => setManual(false)} />
      <VendorAliasesDrawer open={aliases} onClose={() => setAliases(false)} />
    </ListPage>
  );
}
