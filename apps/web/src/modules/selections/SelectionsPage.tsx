import { PlusOutlined, SolutionOutlined, StarOutlined } from '@ant-design/icons';
import { API, ROUND_STAGES, type Round, type RoundStage, SELECTION_KINDS } from '@suilian/contracts';
import { Button, Flex, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../session/auth';
import { ExportButton } from '../../shared/ExportButton';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatNumber } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { yearOptions } from '../../shared/years';
import { KIND_COLOURS } from './display';
import { ROUND_FILTER_KEYS, type RoundFilters, useRounds } from './hooks';
import { RoundFormDrawer } from './RoundFormDrawer';
import { RoundStageTag } from './SelectionTags';

function RoundFilterBar({ value, onChange }: { value: RoundFilters; onChange(next: RoundFilters): void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center" data-testid="round-filters">
      <Select
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        options={SELECTION_KINDS.map((k) => ({ value: k, label: t(`selectionKinds.${k}`) }))}
        placeholder={t('selections.kind')}
        allowClear
        style={{ width: 150 }}
        data-testid="round-filter-kind"
      />
      <Select
        value={value.stage}
        onChange={(stage) => onChange({ ...value, stage })}
        options={ROUND_STAGES.map((s) => ({ value: s, label: t(`roundStages.${s}`) }))}
        placeholder={t('selections.stage')}
        allowClear
        style={{ width: 130 }}
        data-testid="round-filter-stage"
      />
      <Select
        value={value.year}
        onChange={(year) => onChange({ ...value, year })}
        options={yearOptions()}
        placeholder={t('fields.year')}
        allowClear
        style={{ width: 100 }}
      />
      <Button onClick={() => onChange({})}>{t('common.reset')}</Button>
    </Flex>
  );
}

/** 遴选评审: the rounds (标杆, 典型案例 …) with their stage; organisers start new ones. */
export default function SelectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(ROUND_FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = useRounds(table, filters);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const manages = can('selection:manage');

  const columns: TableColumnsType<Round> = [
    {
      title: t('selections.roundTitle'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, r) => (
        <Flex vertical>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('selections.subjectOf', { subject: t(`selectionSubjects.${r.subjectType}`) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('selections.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 120,
      render: (k: Round['kind']) => <Tag color={KIND_COLOURS[k]}>{t(`selectionKinds.${k}`)}</Tag>,
    },
    { title: t('fields.year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('selections.stage'),
      dataIndex: 'stage',
      key: 'stage',
      width: 110,
      render: (s: RoundStage) => <RoundStageTag stage={s} />,
    },
    {
      title: t('selections.applicationCount'),
      dataIndex: 'applicationCount',
      key: 'applicationCount',
      align: 'right',
      width: 90,
      render: (n: number) => formatNumber(n),
    },
    { title: t('selections.quota'), dataIndex: 'quota', key: 'quota', align: 'right', width: 90 },
    { title: t('selections.deadline'), dataIndex: 'deadline', key: 'deadline', width: 120, render: formatDate },
  ];

  return (
    <ListPage
      title={t('selections.title')}
      extra={
        <Space wrap>
          <ExportButton endpoint={API.exportSelectionRounds} filters={filters} testId="round-export" />
          <Link to="/programme/cases">
            <Button icon={<StarOutlined />}>{t('menu.cases')}</Button>
          </Link>
          {manages && (
            <Link to="/programme/experts">
              <Button icon={<SolutionOutlined />}>{t('menu.experts')}</Button>
            </Link>
          )}
          {manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
              {t('selections.create')}
            </Button>
          )}
        </Space>
      }
    >
      <RoundFilterBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          table.resetPage();
        }}
      />
      {error && <ApiErrorAlert error={error} />}
      <ServerTable<Round>
        rowKey="id"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        onOpen={(r) => navigate(`/programme/selections/${r.id}`)}
        emptyText={filtered ? t('selections.emptyFiltered') : manages ? t('selections.emptyManage') : t('selections.empty')}
        testId="rounds-table"
      />
      <RoundFormDrawer
        mode={creating ? { type: 'create' } : null}
        onClose={() => setCreating(false)}
        onSaved={(r) => {
          setCreating(false);
          navigate(`/programme/selections/${r.id}`);
        }}
      />
    </ListPage>
  );
}
