import type { RegistryKey } from '@suilian/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../shared/format';
import { optionLabel, type RegistryField } from './configs';
import { completedCount } from './data';
import { useTestPlatforms } from './hooks';

/** A data field shown read-only (tables and details). */
export function FieldValue({ registry, field, value }: { registry: RegistryKey; field: RegistryField; value: unknown }) {
  const { t } = useTranslation();
  const platforms = useTestPlatforms(field.type === 'testPlatform');
  switch (field.type) {
    case 'select':
      return value ? <Tag>{optionLabel(t, registry, field.name, value)}</Tag> : <>—</>;
    case 'date':
      return <>{formatDate(typeof value === 'string' ? value : null)}</>;
    case 'number':
      return <>{formatNumber(typeof value === 'number' ? value : null)}</>;
    case 'patentNumber':
      return <Typography.Text style={{ fontFamily: 'monospace' }}>{String(value ?? '—')}</Typography.Text>;
    case 'testPlatform':
      return <>{platforms.data?.find((p) => p.id === value)?.title ?? '—'}</>;
    case 'trainees': {
      const { completed, total } = completedCount(value);
      return <>{t('registries.traineeCount', { completed, total })}</>;
    }
    default:
      return <>{value === null || value === undefined || value === '' ? '—' : String(value)}</>;
  }
}
