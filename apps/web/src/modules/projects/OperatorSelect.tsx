import { API } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/endpoints';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  'data-testid'?: string;
}

/**
 * The project's network operator: the licensed telecom operators' branches from the provider
 * directory (reference data), not any organisation and not free text.
 */
export function OperatorSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const { data, isFetching } = useQuery({
    queryKey: ['organisations', 'provider-directory'],
    queryFn: () => call(API.listProviderDirectory),
    staleTime: 5 * 60_000,
  });
  const options = (data ?? []).filter((p) => p.providerType === 'operator').map((p) => ({ value: p.id, label: p.name }));
  return (
    <Select
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      loading={isFetching}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('projects.operatorPlaceholder')}
      data-testid={rest['data-testid']}
    />
  );
}
