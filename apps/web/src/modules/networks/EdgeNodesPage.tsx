import { API, type EdgeNode } from '@suilian/contracts';
import { Card, Flex, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert } from '../../shared/errors';
import { CityDistrictFilter, FilterBar } from '../../shared/FilterBar';
import { formatDate } from '../../shared/format';
import { pagination, useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useEdgeNodes } from './hooks';
import { NetworkConfirmationTag } from './NetworkTags';

const KEYS = ['q', 'districtId'] as const;

/** 边缘计算节点: the nodes of the private networks in reach (T-INF-2 counts the commissioned ones of confirmed networks). */
export default function EdgeNodesPage() {
  const { t } = useTranslation();
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const { data, isFetching, error } = useEdgeNodes(table, filters);
  const f = (
    key:
      | 'nodeName'
      | 'network'
      | 'operator'
      | 'district'
      | 'location'
      | 'cpuCores'
      | 'memoryGb'
      | 'gpuCount'
      | 'commissionedOn'
      | 'confirmation',
  ) => t(`networks.fields.${key}`);
  const columns: TableColumnsType<EdgeNode> = [
    { title: f('nodeName'), dataIndex: 'name', key: 'name' },
    { title: f('network'), key: 'network', render: (_v, n) => <Link to={`/networks/${n.networkId}`}>{n.networkName}</Link> },
    { title: f('operator'), dataIndex: 'operatorName', key: 'operator' },
    { title: f('district'), dataIndex: 'districtName', key: 'district', width: 90 },
    { title: f('location'), dataIndex: 'location', key: 'location' },
    { title: f('cpuCores'), dataIndex: 'cpuCores', key: 'cpu', render: (v: number | null) => v ?? '—' },
    { title: f('memoryGb'), dataIndex: 'memoryGb', key: 'mem', render: (v: number | null) => v ?? '—' },
    { title: f('gpuCount'), dataIndex: 'gpuCount', key: 'gpu', render: (v: number | null) => v ?? '—' },
    { title: f('commissionedOn'), dataIndex: 'commissionedOn', key: 'on', render: formatDate },
    { title: f('confirmation'), key: 'confirmation', render: (_v, n) => <NetworkConfirmationTag state={n.confirmationState} /> },
  ];
  return (
    <Card
      title={t('networks.edgeNodesTitle')}
      extra={<ExportButton endpoint={API.exportEdgeNodes} filters={filters} testId="edge-node-export" />}
    >
      <Flex vertical gap={16}>
        <FilterBar
          value={filters}
          onChange={(next) => {
            setFilters(next);
            table.resetPage();
          }}
          placeholder={t('networks.fields.nodeName')}
          testId="edge-node-filters"
        >
          <CityDistrictFilter value={filters.districtId} onChange={(districtId) => setFilters({ ...filters, districtId })} />
        </FilterBar>
        {error && <ApiErrorAlert error={error} />}
        <Table<EdgeNode>
          rowKey="id"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('common.total', { total }))}
          scroll={{ x: 'max-content' }}
          data-testid="edge-nodes-table"
        />
      </Flex>
    </Card>
  );
}
