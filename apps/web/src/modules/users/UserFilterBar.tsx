import { ROLES, USER_STATUSES } from '@suilian/contracts';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../shared/OrgSelect';
import type { UserFilters } from './hooks';

/** q, role, status and organisation filters above the users table; changes apply at once. */
export function UserFilterBar({ value, onChange }: { value: UserFilters; onChange(next: UserFilters): void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? '');
  return (
    <Flex gap={8} wrap data-testid="user-filters">
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => onChange({ ...value, q: text.trim() || undefined })}
        placeholder={t('users.searchPlaceholder')}
        allowClear
        style={{ width: 240 }}
        data-testid="user-filter-q"
      />
      <Select
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        placeholder={t('fields.role')}
        allowClear
        style={{ width: 160 }}
      />
      <Select
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={USER_STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
        placeholder={t('fields.status')}
        allowClear
        style={{ width: 120 }}
      />
      <OrgSelect
        value={value.orgId}
        onChange={(orgId) => onChange({ ...value, orgId })}
        placeholder={t('fields.org')}
        allowClear
        style={{ width: 240 }}
      />
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
