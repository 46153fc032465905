import { PlusOutlined } from '@ant-design/icons';
import { API, PROJECT_STATES, type Project, type ProjectState } from '@suilian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Skeleton, Space, type TableColumnsType, Tabs, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../session/auth';
import { ExcelToolbar } from '../../shared/ExcelToolbar';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format';
import { ListPage, ServerTable } from '../../shared/frame/ListPage';
import { ProjectStateTag } from '../../shared/StatusTag';
import { useTableState } from '../../shared/useTableState';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { PROJECT_FILTER_KEYS, useProjectCounts, useProjects } from './hooks';
import { ProjectFilterBar } from './ProjectFilterBar';
import { ProjectFormDrawer } from './ProjectFormDrawer';

const ProjectStatusChart = lazy(() => import('./ProjectStatusChart'));

const isState = (value: string | undefined): value is ProjectState => PROJECT_STATES.includes(value as ProjectState);

/** 项目管理: projects by status (tabs with counts, a small chart), filters, server paging and sorting. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { can } = useAuth();
  // No default sort: the server lists newest first, and title matches first when searching.
  const table = useTableState();
  const [filters, setFilters] = useUrlFilters(PROJECT_FILTER_KEYS);
  const [declaring, setDeclaring] = useState(false);
  const status = isState(filters.status) ? filters.status : undefined;
  const { status: _status, ...others } = filters;
  const { data, isFetching, error } = useProjects(table, filters);
  const { counts } = useProjectCounts(others);
  const total = PROJECT_STATES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const apply = (next: typeof filters) => {
    setFilters(next);
    table.resetPage();
  };

  const columns: TableColumnsType<Project> = [
    { title: t('projects.code'), dataIndex: 'code', key: 'code', sorter: true, sortOrder: table.sortOrder('code'), width: 140 },
    {
      title: t('projects.name'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: table.sortOrder('title'),
      render: (title: string, p) => (
        <Flex vertical>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.enterpriseName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('projects.district'), dataIndex: 'districtName', key: 'districtName', width: 90 },
    {
      title: t('fields.status'),
      dataIndex: 'state',
      key: 'state',
      sorter: true,
      sortOrder: table.sortOrder('state'),
      width: 110,
      render: (s: ProjectState) => <ProjectStateTag state={s} />,
    },
    {
      title: t('fields.scenarios'),
      key: 'scenarios',
      width: 90,
      render: (_v, p) => (
        <Tooltip title={p.scenarios.map((s) => s.name).join('、')}>
          <span>{p.scenarios.length}</span>
        </Tooltip>
      ),
    },
    {
      title: t('fields.investmentTotal'),
      dataIndex: 'investmentTotal',
      key: 'investmentTotal',
      align: 'right',
      render: (v: string | null) => formatMoney(v),
    },
    {
      title: t('fields.plannedStart'),
      dataIndex: 'plannedStart',
      key: 'plannedStart',
      sorter: true,
      sortOrder: table.sortOrder('plannedStart'),
      render: formatDate,
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

  const tab = (key: string, label: string, count: number | undefined) => ({
    key,
    label: (
      <span data-testid={`project-tab-${key}`}>
        {label}
        <Typography.Text type="secondary" style={{ marginInlineStart: 4, fontSize: 12 }}>
          {count ?? 0}
        </Typography.Text>
      </span>
    ),
  });

  return (
    <ListPage
      title={t('projects.title')}
      gap={12}
      extra={
        <Space>
          <ExcelToolbar
            endpoints={{ template: API.downloadProjectTemplate, import: API.importProjects, export: API.exportProjects }}
            name={t('menu.projects')}
            filters={{ ...filters, sort: table.sort }}
            canImport={can('project:write')}
            onImported={() => void client.invalidateQueries({ queryKey: ['projects'] })}
          />
          {can('project:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)} data-testid="project-declare">
              {t('projects.declare')}
            </Button>
          )}
        </Space>
      }
      overlays={
        <ProjectFormDrawer
          mode={declaring ? { type: 'create' } : null}
          onClose={() => setDeclaring(false)}
          onSaved={(p) => {
            setDeclaring(false);
            navigate(`/programme/projects/${p.id}`);
          }}
        />
      }
    >
      <ProjectFilterBar value={filters} onChange={apply} enterpriseName={data?.items[0]?.enterpriseName} />
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 170 }} />}>
        <ProjectStatusChart counts={counts} onSelect={(state) => apply({ ...filters, status: state })} />
      </Suspense>
      <Tabs
        size="small"
        activeKey={status ?? 'all'}
        onChange={(key) => apply({ ...filters, status: key === 'all' ? undefined : key })}
        items={[tab('all', t('projects.all'), total), ...PROJECT_STATES.map((s) => tab(s, t(`projectStates.${s}`), counts[s]))]}
        data-testid="project-status-tabs"
      />
      {error && <ApiErrorAlert error={error} />}
      <ServerTable<Project>
        rowKey="id"
        columns={columns}
        table={table}
        page={data}
        fetching={isFetching}
        onOpen={(p) => navigate(`/programme/projects/${p.id}`)}
        emptyText={filtered ? t('projects.emptyFiltered') : t('projects.empty')}
        testId="projects-table"
      />
    </ListPage>
  );
}
