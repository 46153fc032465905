import { API, type CodeListKey, type UpsertCodeItem } from '@suilian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/endpoints';

export function useCodeLists() {
  return useQuery({
    queryKey: ['code-lists', 'index'],
    queryFn: () => call(API.listCodeLists),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['code-lists'] });
}

/** PUT adds an item or renames it; it also brings a retired item back. */
export function useUpsertItem(key: CodeListKey) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UpsertCodeItem }) => call(API.upsertCodeItem, { params: { key, code }, body }),
    onSuccess: () => invalidate(),
  });
}

export function useRetireItem(key: CodeListKey) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (code: string) => call(API.retireCodeItem, { params: { key, code } }),
    onSuccess: () => invalidate(),
  });
}
