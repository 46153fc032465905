import { API, type CodeItem, type CodeListKey } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useCallback, useMemo } from 'react';
import { call } from '../api/endpoints';
import { useLocale } from '../session/locale';

/** A code list with its retired items too (records may still carry them); cached for the session. */
export function useCodeList(key: CodeListKey) {
  return useQuery({
    queryKey: ['code-lists', key, 'all'],
    queryFn: () => call(API.getCodeList, { params: { key }, query: { includeRetired: 'true' } }),
    staleTime: 5 * 60_000,
  });
}

/** The name of a code item in the console language. */
export function itemName(item: Pick<CodeItem, 'nameZh' | 'nameEn'>, locale: string): string {
  return locale === 'zh-CN' ? item.nameZh : item.nameEn;
}

/** `code → name` for a list in the console language; unknown codes come back as themselves. */
export function useCodeNames(key: CodeListKey): (code: string | null | undefined) => string {
  const { data } = useCodeList(key);
  const { locale } = useLocale();
  const names = useMemo(() => new Map((data?.items ?? []).map((i) => [i.code, itemName(i, locale)])), [data, locale]);
  return useCallback((code) => (code ? (names.get(code) ?? code) : '—'), [names]);
}

/** Options of the active items; a retired value the record already has stays visible (disabled). */
export function useCodeOptions(key: CodeListKey, keep?: readonly (string | null | undefined)[]) {
  const { data, isPending } = useCodeList(key);
  const { locale } = useLocale();
  const options = useMemo(
    () =>
      (data?.items ?? [])
        .filter((i) => i.active || keep?.includes(i.code))
        .map((i) => ({ value: i.code, label: itemName(i, locale), disabled: !i.active })),
    [data, locale, keep],
  );
  return { options, loading: isPending };
}

type CodeSelectProps = Omit<SelectProps<string | string[]>, 'options' | 'loading'> & { listKey: CodeListKey; 'data-testid'?: string };

/** A Select over one code list (antd Form compatible), searchable by name. */
export function CodeSelect({ listKey, value, ...rest }: CodeSelectProps) {
  const keep = useMemo(() => (Array.isArray(value) ? value : value ? [value] : []), [value]);
  const { options, loading } = useCodeOptions(listKey, keep);
  return <Select value={value} options={options} loading={loading} showSearch={{ optionFilterProp: 'label' }} {...rest} />;
}
