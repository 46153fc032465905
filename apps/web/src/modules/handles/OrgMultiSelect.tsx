import type { OrgKind } from '@suilian/contracts';
import { Select } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useOrgOptions } from '../../shared/OrgSelect';

interface Props {
  value?: string[];
  onChange?(ids: string[]): void;
  kinds?: readonly OrgKind[];
  /** Names of organisations already chosen (from the record), shown before a search finds them. */
  knownNames?: Record<string, string>;
  placeholder?: string;
  'data-testid'?: string;
}

/** Several organisations (a prefix's admin group), searched on the server. */
export function OrgMultiSelect({ value, onChange, kinds, knownNames, placeholder, ...rest }: Props) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useOrgOptions(kinds, q);
  const names = useRef(new Map<string, string>(Object.entries(knownNames ?? {})));
  const options = useMemo(() => {
    for (const org of data ?? []) names.current.set(org.id, org.name);
    const ids = new Set([...(value ?? []), ...(data ?? []).map((o) => o.id)]);
    return [...ids].map((id) => ({ value: id, label: names.current.get(id) ?? id }));
  }, [data, value]);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={placeholder}
      data-testid={rest['data-testid']}
    />
  );
}
