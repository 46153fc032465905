import { API, type Organisation, type OrgKind } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/endpoints';

/** Loads organisations for pickers: server-side search, optionally limited to some kinds. */
export function useOrgOptions(kinds: readonly OrgKind[] | undefined, q: string, enabled = true) {
  const kind = kinds?.length === 1 ? kinds[0] : undefined;
  return useQuery({
    queryKey: ['organisations', 'options', kinds ?? 'all', q],
    enabled: enabled && (kinds === undefined || kinds.length > 0),
    queryFn: async () => {
      const page = await call(API.listOrganisations, { query: { kind, q: q || undefined, pageSize: 50, sort: 'name' } });
      return kinds && kinds.length > 1 ? page.items.filter((o) => kinds.includes(o.kind)) : page.items;
    },
    placeholderData: (previous) => previous,
  });
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Only these organisation kinds; undefined = all kinds. */
  kinds?: readonly OrgKind[];
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** A searchable organisation picker (antd Form compatible). */
export function OrgSelect({ value, onChange, kinds, placeholder, disabled, allowClear, style, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const { data, isFetching } = useOrgOptions(kinds, q, !disabled);
  // Remember organisations already seen so the chosen one keeps its name when a search hides it.
  const seen = useRef(new Map<string, Organisation>());
  const options = useMemo(() => {
    const list = [...(data ?? [])];
    for (const org of list) seen.current.set(org.id, org);
    const chosen = value ? seen.current.get(value) : undefined;
    if (chosen && !list.some((o) => o.id === chosen.id)) list.unshift(chosen);
    return list.map((org) => ({
      value: org.id,
      name: org.name,
      label: (
        <Space size={4}>
          <span>{org.name}</span>
          <Tag variant="filled">{t(`orgKinds.${org.kind}`)}</Tag>
        </Space>
      ),
    }));
  }, [data, value, t]);
  return (
    <Select
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={options}
      optionLabelProp="name"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      placeholder={placeholder ?? t('users.orgPlaceholder')}
      disabled={disabled}
      allowClear={allowClear}
      style={style}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      data-testid={rest['data-testid']}
    />
  );
}
