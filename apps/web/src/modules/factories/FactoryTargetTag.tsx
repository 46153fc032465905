import { FACTORY_SCENARIO_THRESHOLD, type Factory } from '@suilian/contracts';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../shared/StatusTag';

/** "计入T-APP-1" on factories with at least 10 live scenarios (the server decides). */
export function FactoryTargetTag({ factory }: { factory: Pick<Factory, 'countsTowardTarget'> }) {
  const { t } = useTranslation();
  if (!factory.countsTowardTarget) return null;
  return (
    <Tooltip title={t('factories.countsTowardHint', { n: FACTORY_SCENARIO_THRESHOLD })}>
      <span>
        <StatusTag tone="done" data-testid="factory-target-tag">
          {t('factories.countsToward')}
        </StatusTag>
      </span>
    </Tooltip>
  );
}
