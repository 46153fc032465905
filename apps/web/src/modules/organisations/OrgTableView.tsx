import { API, ORG_KINDS, type Organisation } from '@suilian/contracts';
import { Button, Drawer, Flex, Input, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { type OrgFilters, useDistricts, useOrgList } from './hooks';
import { OrgDetail } from './OrgDetail';

/** All visible organisations as a table with kind / district / text filters; a row opens its details. */
export function OrgTableView() {
  const { t } = useTranslation();
  const table = useTableState({ sort: 'name' });
  const [filters, setFilters] = useState<OrgFilters>({});
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | undefined>();
  const districts = useDistricts();
  const { data, isFetching, error } = useOrgList(table, filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const apply = (next: OrgFilters) => {
    setFilters(next);
    table.resetPage();
  };
  const districtName = (id: string | null) => districts.data?.find((d) => d.id === id)?.name ?? t('common.none');

  const columns: TableColumnsType<Organisation> = [
    { title: t('fields.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: table.sortOrder('name') },
    {
      title: t('fields.kind'),
      dataIndex: 'kind',
      key: 'kind',
      sorter: true,
      sortOrder: table.sortOrder('kind'),
      render: (kind: Organisation['kind']) => t(`orgKinds.${kind}`),
    },
    { title: t('orgs.district'), key: 'district', render: (_v, org) => districtName(org.districtId) },
    {
      title: t('fields.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? t('common.none')}</span>,
    },
    { title: t('fields.divisionCode'), dataIndex: 'divisionCode', key: 'divisionCode', render: (v: string | null) => v ?? '—' },
    {
      title: t('fields.providerType'),
      dataIndex: 'providerType',
      key: 'providerType',
      render: (v: Organisation['providerType']) => (v ? <Tag>{t(`providerTypes.${v}`)}</Tag> : '—'),
    },
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: table.sortOrder('updatedAt'),
      render: formatDateTime,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(text) => apply({ ...filters, q: text.trim() || undefined })}
          placeholder={t('orgs.searchPlaceholder')}
          allowClear
          style={{ width: 260 }}
        />
        <Select
          value={filters.kind}
          onChange={(kind) => apply({ ...filters, kind })}
          options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
          placeholder={t('fields.kind')}
          allowClear
          style={{ width: 140 }}
        />
        <Select
          value={filters.districtId}
          onChange={(districtId) => apply({ ...filters, districtId })}
          options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          placeholder={t('orgs.district')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 160 }}
        />
        <Button
          onClick={() => {
            setQ('');
            apply({});
          }}
        >
          {t('common.reset')}
        </Button>
        <ExportButton endpoint={API.exportOrganisations} filters={{ sort: table.sort, ...filters }} testId="org-export" />
      </Flex>
      {error && <ApiErrorAlert error={error} />}
      <ServerTable<Organisation>
        rowKey="id"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        onOpen={(org) => setOpen(org.id)}
        emptyText={filtered ? t('orgs.emptyFiltered') : t('orgs.empty')}
        testId="orgs-table"
      />
      <Drawer open={open !== undefined} onClose={() => setOpen(undefined)} size={720} title={t('common.details')} destroyOnHidden>
        <OrgDetail id={open} bordered={false} />
      </Drawer>
    </Flex>
  );
}
