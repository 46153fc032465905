import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../shared/codeLists';
import { CityDistrictFilter, FilterBar } from '../../shared/FilterBar';
import { yearOptions } from '../../shared/years';
import type { ProjectFilters } from './hooks';

interface Props {
  value: ProjectFilters;
  onChange(next: ProjectFilters): void;
  /** Name of the enterprise the list is limited to (from a link on its page). */
  enterpriseName?: string;
}

/** Text, district, scenario, cluster and year filters; the status is chosen by the tabs. */
export function ProjectFilterBar({ value, onChange, enterpriseName }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar
      value={value}
      onChange={onChange}
      placeholder={t('projects.searchPlaceholder')}
      searchWidth={260}
      testId="project-filters"
      searchTestId="project-filter-q"
      align="center"
    >
      <CityDistrictFilter value={value.districtId} onChange={(districtId) => onChange({ ...value, districtId })} />
      <CodeSelect
        listKey="scenario"
        value={value.scenario}
        onChange={(scenario) => onChange({ ...value, scenario: scenario as string | undefined })}
        placeholder={t('fields.scenarios')}
        allowClear
        popupMatchSelectWidth={false}
        style={{ width: 170 }}
      />
      <CodeSelect
        listKey="cluster"
        value={value.clusterCode}
        onChange={(clusterCode) => onChange({ ...value, clusterCode: clusterCode as string | undefined })}
        placeholder={t('fields.clusterCode')}
        allowClear
        popupMatchSelectWidth={false}
        style={{ width: 170 }}
      />
      <Select
        value={value.year}
        onChange={(year) => onChange({ ...value, year })}
        options={yearOptions()}
        placeholder={t('projects.yearPlaceholder')}
        allowClear
        style={{ width: 100 }}
      />
      {value.enterpriseId && (
        <Tag closable onClose={() => onChange({ ...value, enterpriseId: undefined })} color="blue" data-testid="project-filter-enterprise">
          {t('projects.filterEnterprise', { name: enterpriseName ?? '…' })}
        </Tag>
      )}
    </FilterBar>
  );
}
