import { Button, Flex, Input, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { CodeSelect } from '../../shared/codeLists';
import { DistrictSelect } from '../../shared/districts';
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
  const me = useMe();
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  return (
    <Flex gap={8} wrap align="center" data-testid="project-filters">
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => onChange({ ...value, q: text.trim() || undefined })}
        placeholder={t('projects.searchPlaceholder')}
        allowClear
        style={{ width: 260 }}
        data-testid="project-filter-q"
      />
      {me.orgKind === 'city' && (
        <DistrictSelect
          value={value.districtId}
          onChange={(districtId) => onChange({ ...value, districtId })}
          allowClear
          style={{ width: 130 }}
        />
      )}
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
      <Button
        onClick={() => {
          setQ('');
          onChange({});
        }}
      >
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
