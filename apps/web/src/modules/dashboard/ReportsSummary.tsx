import type { Dashboard } from '@suilian/contracts';
import { Flex, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../shared/StatusTag';
import type { StatusTone } from '../../shared/status';

const TONES: Record<string, StatusTone> = { open: 'closed', completed: 'progress', approved: 'attention', accepted: 'done' };
const period = (p: string) => `${p.slice(0, 4)}-${p.slice(4)}`;

/** The district monthly report: how many districts are at each state for the period due, and completeness over a year. */
export default function ReportsSummary({ reports }: { reports: NonNullable<Dashboard['reports']> }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="dashboard-reports">
      <Typography.Text strong>{t('dashboard.reports.period', { period: period(reports.period) })}</Typography.Text>
      <Space wrap size={4}>
        {reports.byState.map((s) => (
          <StatusTag key={s.state} tone={TONES[s.state] ?? 'closed'} data-testid={`dashboard-reports-${s.state}`}>
            {t(`reporting.states.${s.state}`)} {s.count}
          </StatusTag>
        ))}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.reports.completeness', {
          from: period(reports.from),
          to: period(reports.period),
          pct: Math.round(reports.completeness * 1000) / 10,
        })}
      </Typography.Text>
      <Progress percent={Math.round(reports.completeness * 1000) / 10} size="small" />
    </Flex>
  );
}
