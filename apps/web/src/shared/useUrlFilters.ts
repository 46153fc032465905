import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type UrlFilters<K extends string> = Partial<Record<K, string>>;

/**
 * List filters kept in the query string, so a filtered list can be linked to (an enterprise's
 * projects: `/programme/projects?enterpriseId=…`) and survives a reload. Blank values are dropped.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]): [UrlFilters<K>, (next: UrlFilters<K>) => void] {
  const [params, setParams] = useSearchParams();
  const serialised = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `serialised` stands for `params`; keys are constant
  const filters = useMemo(() => {
    const result: UrlFilters<K> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [serialised]);
  const setFilters = useCallback(
    (next: UrlFilters<K>) => {
      setParams(
        (previous) => {
          const p = new URLSearchParams(previous);
          for (const key of keys) {
            const value = next[key]?.trim();
            if (value) p.set(key, value);
            else p.delete(key);
          }
          return p;
        },
        { replace: true },
      );
    },
    [keys, setParams],
  );
  return [filters, setFilters];
}
