import { Button, Flex, Input } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../session/auth';
import { DistrictSelect } from './districts';

interface Props<T extends { q?: string | undefined }> {
  value: T;
  onChange(next: T): void;
  placeholder: string;
  searchWidth?: number;
  /** data-testid of the bar and of its search box. */
  testId: string;
  searchTestId?: string;
  align?: 'center';
  /** The list's own filters, between the search box and the reset button. */
  children: ReactNode;
}

/**
 * The filter bar every list shares: a search box whose text applies on Enter, the list's own
 * filters, and a reset that also clears text typed but not yet searched.
 */
export function FilterBar<T extends { q?: string | undefined }>({
  value,
  onChange,
  placeholder,
  searchWidth = 260,
  testId,
  searchTestId,
  align,
  children,
}: Props<T>) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  return (
    <Flex gap={8} wrap align={align} data-testid={testId}>
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => onChange({ ...value, q: text.trim() || undefined })}
        placeholder={placeholder}
        allowClear
        style={{ width: searchWidth }}
        data-testid={searchTestId}
      />
      {children}
      <Button
        onClick={() => {
          setQ('');
          onChange({} as T);
        }}
      >
        {t('common.reset')}
      </Button>
    </Flex>
  );
}

/** The district filter, shown to city users only (district users see their own district anyway). */
export function CityDistrictFilter({ value, onChange }: { value: string | undefined; onChange(districtId: string | undefined): void }) {
  const me = useMe();
  if (me.orgKind !== 'city') return null;
  return <DistrictSelect value={value} onChange={onChange} allowClear style={{ width: 130 }} />;
}
