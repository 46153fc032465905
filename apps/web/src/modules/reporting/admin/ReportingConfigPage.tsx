import { Alert, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../session/auth';
import { useUrlFilters } from '../../../shared/useUrlFilters';
import { BatchTab } from './BatchTab';
import { DataSetsTab } from './DataSetsTab';
import { ElementsTab } from './ElementsTab';
import { RulesTab } from './RulesTab';

const TABS = ['elements', 'dataSets', 'rules', 'batch'] as const;
type Tab = (typeof TABS)[number];

/** 指标与报送 → 报送配置: data elements, data sets, validation rules (city admins edit, others read) and batch validation. */
export default function ReportingConfigPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = me.permissions.includes('report:configure');
  const [filters, setFilters] = useUrlFilters(['tab'] as const);
  const tab: Tab = TABS.find((x) => x === filters.tab) ?? 'elements';
  const content: Record<Tab, React.ReactNode> = {
    elements: <ElementsTab canEdit={canEdit} />,
    dataSets: <DataSetsTab canEdit={canEdit} />,
    rules: <RulesTab canEdit={canEdit} />,
    batch: <BatchTab />,
  };
  return (
    <Card title={t('reportingAdmin.title')} data-testid="reporting-config-page">
      {!canEdit && tab !== 'batch' && <Alert type="info" showIcon title={t('reportingAdmin.readOnly')} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setFilters({ tab: key })}
        destroyOnHidden
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{t(`reportingAdmin.tabs.${key}`)}</span>,
          children: content[key],
        }))}
      />
    </Card>
  );
}
