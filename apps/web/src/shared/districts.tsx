import { API } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/endpoints';
import { byDivisionCode } from './format';

/** Districts the user can see (for pickers and the district column). */
export function useDistricts() {
  return useQuery({
    queryKey: ['organisations', 'districts'],
    // GB/T 2260 order (440103 荔湾 … 440118 增城), as the plan and the statistics list them (#12 item 7).
    queryFn: async () =>
      (
        await call(API.listOrganisations, {
          query: { kind: 'district', pageSize: 200, sort: 'name' },
        })
      ).items.sort(byDivisionCode),
    staleTime: 60_000,
  });
}

/** A district picker (the districts in the user's scope). */
export function DistrictSelect({
  knownName,
  ...props
}: Omit<SelectProps<string>, 'options' | 'loading'> & {
  'data-testid'?: string;
  /** The chosen district's name when the user cannot list districts (shown instead of its id, #12 item 7). */
  knownName?: string;
}) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const options = (districts.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  if (props.value && knownName && !options.some((o) => o.value === props.value)) options.unshift({ value: props.value, label: knownName });
  return (
    <Select
      options={options}
      loading={districts.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('fields.districtId')}
      {...props}
    />
  );
}
