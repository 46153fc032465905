import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../shared/codeLists';
import { CityDistrictFilter, FilterBar } from '../../shared/FilterBar';
import type { EnterpriseFilters } from './hooks';

/** District, cluster, industry, size, 规上, honour and text filters; changes apply at once. */
export function EnterpriseFilterBar({ value, onChange }: { value: EnterpriseFilters; onChange(next: EnterpriseFilters): void }) {
  const { t } = useTranslation();
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      placeholder={t('enterprises.searchPlaceholder')}
      searchWidth={260}
      testId="enterprise-filters"
      searchTestId="enterprise-filter-q"
    >
      <CityDistrictFilter value={value.districtId} onChange={(districtId) => onChange({ ...value, districtId })} />
      <CodeSelect
        listKey="cluster"
        value={value.clusterCode}
        onChange={(clusterCode) => onChange({ ...value, clusterCode: clusterCode as string | undefined })}
        placeholder={t('fields.clusterCode')}
        allowClear
        style={{ width: 190 }}
      />
      <CodeSelect
        listKey="industry"
        value={value.industryCode}
        onChange={(industryCode) => onChange({ ...value, industryCode: industryCode as string | undefined })}
        placeholder={t('fields.industryCode')}
        allowClear
        popupMatchSelectWidth={false}
        style={{ width: 170 }}
      />
      <CodeSelect
        listKey="size_class"
        value={value.sizeClass}
        onChange={(sizeClass) => onChange({ ...value, sizeClass: sizeClass as string | undefined })}
        placeholder={t('fields.sizeClass')}
        allowClear
        style={{ width: 110 }}
      />
      <Select
        value={value.aboveScale}
        onChange={(aboveScale) => onChange({ ...value, aboveScale })}
        options={[
          { value: 'true', label: t('enterprises.aboveScaleYes') },
          { value: 'false', label: t('enterprises.aboveScaleNo') },
        ]}
        placeholder={t('fields.aboveScale')}
        allowClear
        style={{ width: 110 }}
      />
      <CodeSelect
        listKey="honour_type"
        value={value.honourType}
        onChange={(honourType) => onChange({ ...value, honourType: honourType as string | undefined })}
        placeholder={t('fields.honourType')}
        allowClear
        popupMatchSelectWidth={false}
        style={{ width: 170 }}
      />
    </FilterBar>
  );
}
