import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePrefixOptions } from './hooks';

interface Props {
  value?: string;
  onChange?(prefix: string | undefined): void;
  /** Leave out the prefixes the platform serves (only delegated ones take registrations from enterprises). */
  delegatedOnly?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** A picker over the prefixes the user may see, with their owner's name. */
export function PrefixSelect({ value, onChange, delegatedOnly, allowClear, style, ...rest }: Props) {
  const { t } = useTranslation();
  const { data, isPending } = usePrefixOptions();
  const options = (data ?? [])
    .filter((p) => !delegatedOnly || !p.served)
    .map((p) => ({ value: p.prefix, label: `${p.prefix} · ${p.ownerOrgName}` }));
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      loading={isPending}
      allowClear={allowClear}
      placeholder={t('handles.prefix.pick')}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
