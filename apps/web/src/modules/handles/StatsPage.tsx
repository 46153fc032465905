import type { HandleStats } from '@suilian/contracts';
import { Card, Col, DatePicker, Empty, Flex, Row, Space, Spin, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { useStats } from './hooks';
import { PrefixSelect } from './PrefixSelect';

const StatsChart = lazy(() => import('./StatsChart'));

type ByPrefix = HandleStats['byPrefix'][number];

/** 统计: registrations and resolutions per day (city-wide, a district's, or an enterprise's own), and by prefix. */
export default function StatsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [prefix, setPrefix] = useState<string | undefined>();
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), prefix };
  const { data, isFetching, error } = useStats(query);
  const scope = me.orgKind === 'city' ? t('handles.stats.cityWide') : me.orgName;
  const series = useMemo(
    () => [
      { name: t('handles.stats.registrations'), colour: '#1456c8', data: (data?.days ?? []).map((d) => d.registrations) },
      { name: t('handles.stats.resolutions'), colour: '#13a8a8', data: (data?.days ?? []).map((d) => d.resolutions) },
    ],
    [data, t],
  );
  const days = useMemo(() => (data?.days ?? []).map((d) => d.day), [data]);

  return (
    <Card title={t('menu.handleStats')} data-testid="stats-page">
      <Flex vertical gap={16}>
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <PrefixSelect value={prefix} onChange={setPrefix} allowClear data-testid="stats-prefix" />
        </Space>
        {error && <ApiErrorAlert error={error} />}
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Statistic title={t('handles.stats.scope')} value={prefix ?? scope} />
          </Col>
          <Col xs={8} md={6}>
            <Statistic title={t('handles.stats.handles')} value={data?.totals.handles ?? 0} loading={isFetching && !data} />
          </Col>
          <Col xs={8} md={6}>
            <Statistic
              title={t('handles.stats.registrationsInRange')}
              value={data?.totals.registrations ?? 0}
              loading={isFetching && !data}
            />
          </Col>
          <Col xs={8} md={6}>
            <Statistic title={t('handles.stats.resolutionsInRange')} value={data?.totals.resolutions ?? 0} loading={isFetching && !data} />
          </Col>
        </Row>
        <Suspense fallback={<Spin />}>{days.length > 0 ? <StatsChart days={days} series={series} /> : <Empty />}</Suspense>
        <Table<ByPrefix>
          size="small"
          rowKey="prefix"
          dataSource={data?.byPrefix}
          loading={isFetching}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="stats-by-prefix"
          columns={[
            { title: t('handles.prefix.prefix'), dataIndex: 'prefix' },
            { title: t('handles.prefix.owner'), dataIndex: 'ownerOrgName' },
            {
              title: t('handles.stats.registrations'),
              dataIndex: 'registrations',
              align: 'right',
              sorter: (a, b) => a.registrations - b.registrations,
              render: formatNumber,
            },
            {
              title: t('handles.stats.resolutions'),
              dataIndex: 'resolutions',
              align: 'right',
              sorter: (a, b) => a.resolutions - b.resolutions,
              defaultSortOrder: 'descend',
              render: formatNumber,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
