import { PlusOutlined } from '@ant-design/icons';
import { REGISTRY_API, REGISTRY_KEYS, type RegistryKey, type RegistryRecord } from '@suilian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { NotFound } from '../../app/guards';
import { useAuth } from '../../session/auth';
import { ExcelToolbar } from '../../shared/ExcelToolbar';
import { ApiErrorAlert } from '../../shared/errors';
import { CityDistrictFilter, FilterBar } from '../../shared/FilterBar';
import { formatDate, formatNumber } from '../../shared/format';
import { pagination, useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { yearOptions } from '../../shared/years';
import { ConfirmationStateTag } from '../confirmations';
import { kindFieldOf, optionLabel, REGISTRY_CONFIGS } from './configs';
import { FieldValue } from './FieldValue';
import { REGISTRY_FILTER_KEYS, type RegistryFilters, useRecords } from './hooks';
import { RegistryDetailDrawer } from './RegistryDetailDrawer';
import { RegistryFormDrawer, type RegistryFormMode } from './RegistryFormDrawer';

function RegistryFilterBar({
  registry,
  value,
  onChange,
}: {
  registry: RegistryKey;
  value: RegistryFilters;
  onChange(next: RegistryFilters): void;
}) {
  const { t } = useTranslation();
  const kind = kindFieldOf(REGISTRY_CONFIGS[registry]);
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      placeholder={t('registries.searchPlaceholder')}
      searchWidth={240}
      testId="registry-filters"
      searchTestId="registry-filter-q"
    >
      <Select
        value={value.year}
        onChange={(year) => onChange({ ...value, year })}
        options={yearOptions()}
        placeholder={t('fields.year')}
        allowClear
        style={{ width: 100 }}
        data-testid="registry-filter-year"
      />
      {kind && (
        <Select
          value={value.kind}
          onChange={(k) => onChange({ ...value, kind: k })}
          options={(kind.options ?? []).map((v) => ({ value: v, label: optionLabel(t, registry, kind.name, v) }))}
          placeholder={t(`fields.${kind.label}`)}
          allowClear
          popupMatchSelectWidth={false}
          style={{ width: 160 }}
          data-testid="registry-filter-kind"
        />
      )}
      <CityDistrictFilter value={value.districtId} onChange={(districtId) => onChange({ ...value, districtId })} />
    </FilterBar>
  );
}

function Registry({ registry }: { registry: RegistryKey }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const config = REGISTRY_CONFIGS[registry];
  const table = useTableState({ sort: '-date' });
  const [filters, setFilters] = useUrlFilters(REGISTRY_FILTER_KEYS);
  // ?record=<id> opens a record's drawer (links from 待确认 and notifications).
  const [searchParams] = useSearchParams();
  const [open, setOpen] = useState<string | undefined>(searchParams.get('record') ?? undefined);
  const [formMode, setFormMode] = useState<RegistryFormMode | null>(null);
  const { data, isFetching, error } = useRecords(registry, table, filters);
  const labels = t(`registryLabels.${registry}`, { returnObjects: true }) as { title: string; date: string };
  const name = t(`menu.${registry}`);
  const kind = kindFieldOf(config);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const columns: TableColumnsType<RegistryRecord> = [
    {
      title: labels.title,
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: table.sortOrder('title'),
      render: (title: string, r) => (
        <Flex vertical>
          <Typography.Text strong>{title}</Typography.Text>
          {r.isDemo && (
            <span>
              <Tag color="gold">{t('app.demoData')}</Tag>
            </span>
          )}
        </Flex>
      ),
    },
    {
      title: labels.date,
      dataIndex: 'date',
      key: 'date',
      sorter: true,
      sortOrder: table.sortOrder('date'),
      render: formatDate,
      width: 120,
    },
    ...(kind
      ? [
          {
            title: t(`fields.${kind.label}`),
            dataIndex: 'kind',
            key: 'kind',
            render: (v: string | null) => (v ? <Tag color="blue">{optionLabel(t, registry, kind.name, v)}</Tag> : '—'),
          },
        ]
      : []),
    ...config.fields
      .filter((f) => f.column && f.name !== config.kindField)
      .map((f) => ({
        title: t(`fields.${f.label}`),
        key: `data.${f.name}`,
        render: (_v: unknown, r: RegistryRecord) => <FieldValue registry={registry} field={f} value={r.data[f.name]} />,
      })),
    ...(config.quantity
      ? [
          {
            title: t(`registries.quantity.${config.quantity}`),
            dataIndex: 'quantity',
            key: 'quantity',
            sorter: true,
            sortOrder: table.sortOrder('quantity'),
            align: 'right' as const,
            render: (v: number | null) => formatNumber(v),
          },
        ]
      : []),
    { title: t('registries.owner'), dataIndex: 'orgName', key: 'orgName' },
    {
      title: t('confirmations.column'),
      key: 'confirmation',
      width: 130,
      render: (_v: unknown, r: RegistryRecord) => <ConfirmationStateTag state={r.confirmation.state} />,
    },
    {
      title: t('registries.evidence'),
      key: 'attachments',
      align: 'right',
      render: (_v, r) => r.attachments.length || '—',
    },
  ];

  return (
    <Card
      title={name}
      extra={
        <Space>
          <ExcelToolbar
            endpoints={{
              template: REGISTRY_API[registry].downloadRecordTemplate,
              import: REGISTRY_API[registry].importRecords,
              export: REGISTRY_API[registry].exportRecords,
            }}
            name={name}
            filters={{ ...filters, sort: table.sort }}
            canImport={can('registry:write')}
            onImported={() => void client.invalidateQueries({ queryKey: ['registries', registry] })}
          />
          {can('registry:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormMode({ type: 'create' })} data-testid="registry-create">
              {t('registries.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <RegistryFilterBar
          registry={registry}
          value={filters}
          onChange={(next) => {
            setFilters(next);
            table.resetPage();
          }}
        />
        {error && <ApiErrorAlert error={error} />}
        <Table<RegistryRecord>
          rowKey="id"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={table.onChange}
          pagination={pagination(table, data?.total, (total) => t('common.total', { total }))}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={filtered ? t('registries.emptyFiltered') : t('registries.empty', { name })} /> }}
          data-testid="registry-table"
        />
      </Flex>
      <RegistryDetailDrawer
        registry={registry}
        id={open}
        onClose={() => setOpen(undefined)}
        onEdit={(record) => setFormMode({ type: 'edit', record })}
      />
      <RegistryFormDrawer
        registry={registry}
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(record) => {
          setFormMode(null);
          setOpen(record.id);
        }}
      />
    </Card>
  );
}

/** 产业生态: one generic page for the eleven registries (`/programme/ecosystem/:registry`). */
export default function RegistryPage() {
  const { registry } = useParams();
  if (!REGISTRY_KEYS.includes(registry as RegistryKey)) return <NotFound />;
  // A fresh page (paging, drawers) per registry.
  return <Registry key={registry} registry={registry as RegistryKey} />;
}
