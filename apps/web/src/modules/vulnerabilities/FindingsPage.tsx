import { API, FINDING_STATES, type Finding, VULN_GRADES } from '@suilian/contracts';
import { Card, Checkbox, Empty, Flex, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert } from '../../shared/errors';
import { CityDistrictFilter, FilterBar } from '../../shared/FilterBar';
import { SourceText } from '../../shared/SourceText';
import { pagination, useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { FindingBatchActions } from './FindingBatchActions';
import { FindingDrawer } from './FindingDrawer';
import { useFindings } from './hooks';
import { GradeTag, SlaTag, StateTag } from './labels';
import { ScanUpload } from './ScanUpload';
import { SlaSettings } from './SlaSettings';

const FILTER_KEYS = ['q', 'state', 'grade', 'districtId', 'overdue', 'open', 'assetId', 'enterpriseId', 'vulnerabilityId'] as const;

/** 漏洞处置: findings in the user's scope, filtered by state, grade, district and SLA; a drawer per finding. */
export default function FindingsPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const { data, isFetching, error } = useFindings(table, filters);
  const [open, setOpen] = useState<string>();
  // Rows chosen for a batch action, kept across pages (#12 item 7).
  const [selected, setSelected] = useState<Finding[]>([]);
  const f = (key: string) => t(`vulnerabilities.findings.${key}` as 'vulnerabilities.findings.title');
  const change = (next: typeof filters) => {
    setFilters(next);
    table.resetPage();
  };

  const columns: TableColumnsType<Finding> = [
    {
      title: f('vulnerability'),
      key: 'vulnerability',
      render: (_v, r) => (
        <Flex vertical>
          <Typography.Text strong>{r.vulnerabilityKey}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
            {r.vulnerabilityTitle === r.vulnerabilityKey ? '' : r.vulnerabilityTitle}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('vulnerabilities.catalogue.grade'),
      dataIndex: 'grade',
      key: 'grade',
      width: 80,
      render: (g: Finding['grade']) => <GradeTag grade={g} />,
    },
    {
      title: f('asset'),
      key: 'asset',
      render: (_v, r) => <SourceText>{`${r.asset.vendor} ${r.asset.product} ${r.asset.firmwareVersion ?? ''}`}</SourceText>,
    },
    ...(me?.orgKind === 'enterprise'
      ? []
      : [{ title: t('vulnerabilities.common.enterprise'), dataIndex: 'enterpriseName', key: 'enterpriseName' }]),
    { title: f('state'), dataIndex: 'state', key: 'state', render: (s: Finding['state']) => <StateTag state={s} /> },
    {
      title: f('sla'),
      dataIndex: 'slaDueAt',
      key: 'slaDueAt',
      width: 150,
      render: (d: string, r) => <SlaTag due={d} overdue={r.overdue} />,
    },
    {
      title: f('origin'),
      dataIndex: 'origin',
      key: 'origin',
      width: 70,
      render: (o: Finding['origin']) => t(`vulnerabilities.findings.origins.${o}`),
    },
  ];

  return (
    <Card
      title={f('title')}
      data-testid="findings-page"
      extra={
        <Space>
          <ExportButton endpoint={API.exportFindings} filters={{ sort: table.sort, ...filters }} testId="finding-export" />
          {can('vuln:manage') && <SlaSettings />}
          {can('asset:write') && <ScanUpload />}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <FilterBar value={filters} onChange={change} placeholder={f('search')} testId="finding-filters" searchTestId="finding-filter-q">
          <Select
            value={filters.state}
            onChange={(state) => change({ ...filters, state })}
            options={FINDING_STATES.map((s) => ({ value: s, label: t(`vulnerabilities.states.${s}`) }))}
            placeholder={f('state')}
            allowClear
            popupMatchSelectWidth={false}
            style={{ width: 130 }}
            data-testid="finding-filter-state"
          />
          <Select
            value={filters.grade}
            onChange={(grade) => change({ ...filters, grade })}
            options={VULN_GRADES.map((g) => ({ value: g, label: t(`vulnerabilities.grades.${g}`) }))}
            placeholder={t('vulnerabilities.catalogue.grade')}
            allowClear
            style={{ width: 110 }}
          />
          <CityDistrictFilter value={filters.districtId} onChange={(districtId) => change({ ...filters, districtId })} />
          <Space>
            <Checkbox
              checked={filters.open === 'true'}
              onChange={(e) => change({ ...filters, open: e.target.checked ? 'true' : undefined })}
            >
              {f('open')}
            </Checkbox>
            <Checkbox
              checked={filters.overdue === 'true'}
              onChange={(e) => change({ ...filters, overdue: e.target.checked ? 'true' : undefined })}
              data-testid="finding-filter-overdue"
            >
              {f('overdueOnly')}
            </Checkbox>
          </Space>
        </FilterBar>
        {error && <ApiErrorAlert error={error} />}
        <FindingBatchActions selected={selected} onClear={() => setSelected([])} />
        <Table<Finding>
          rowKey="id"
          rowSelection={{
            selectedRowKeys: selected.map((r) => r.id),
            preserveSelectedRowKeys: true,
            onChange: (_keys, rows) => setSelected(rows.filter((r): r is Finding => r !== undefined)),
          }}
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('vulnerabilities.common.total', { total }))}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={f('empty')} /> }}
          data-testid="finding-table"
        />
      </Flex>
      <FindingDrawer id={open} onClose={() => setOpen(undefined)} />
    </Card>
  );
}
