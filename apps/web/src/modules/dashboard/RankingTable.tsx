import { QuestionCircleOutlined } from '@ant-design/icons';
import type { DashboardDistrict } from '@suilian/contracts';
import { Progress, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../session/locale';
import { formatNumber } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { INDICATOR_STATUS_TONES } from '../indicators';
import { Figure } from './TargetCards';

interface Props {
  districts: DashboardDistrict[];
  indicatorName: string;
  unit: string;
  linkOf?: (district: DashboardDistrict) => string;
}

/** Districts by the chosen indicator (highest first) with their overall contribution to the city targets. */
export default function RankingTable({ districts, indicatorName, unit, linkOf }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rows = [...districts].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || a.divisionCode.localeCompare(b.divisionCode));
  const nameOf = (d: DashboardDistrict) => (locale === 'zh-CN' ? d.nameZh : (d.nameEn ?? d.nameZh));
  return (
    <Table<DashboardDistrict>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      data-testid="dashboard-ranking"
      columns={[
        { title: t('dashboard.ranking.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
        { title: t('dashboard.ranking.district'), key: 'name', render: (_, d) => nameOf(d) },
        {
          title: `${indicatorName}（${unit}）`,
          key: 'value',
          align: 'right',
          sorter: (a, b) => (a.value ?? -1) - (b.value ?? -1),
          render: (_, d) => (
            <Figure value={d.value} to={linkOf?.(d)} name={`${nameOf(d)} ${indicatorName}`} testId={`dashboard-rank-${d.divisionCode}`} />
          ),
        },
        {
          // The chosen indicator judged against the district's allocation (目标分解): 未分解 without one.
          title: t('allocation.ranking.target'),
          key: 'target',
          align: 'right',
          render: (_, d) => (d.target === null ? '—' : formatNumber(d.target)),
        },
        {
          title: t('allocation.ranking.status'),
          key: 'status',
          render: (_, d) => (
            <span data-testid={`dashboard-rank-status-${d.divisionCode}`}>
              <StatusTag tone={INDICATOR_STATUS_TONES[d.status]}>{t(`indicatorStatuses.${d.status}`)}</StatusTag>
            </span>
          ),
        },
        {
          title: (
            <Tooltip title={t('dashboard.ranking.overallHint')}>
              <span data-testid="dashboard-overall-help">
                {t('dashboard.ranking.overall')} <QuestionCircleOutlined />
              </span>
            </Tooltip>
          ),
          key: 'overall',
          width: 180,
          sorter: (a, b) => a.overallProgress - b.overallProgress,
          render: (_, d) => <Progress percent={Math.round(d.overallProgress * 1000) / 10} size="small" />,
        },
      ]}
    />
  );
}
