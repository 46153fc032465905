import { type CodeItem, CodeItemSchema, type CodeList, type CodeListKey, CodeListSchema, type UpsertCodeItem } from '@suilian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';

const ListsSchema = CodeListSchema.omit({ items: true }).array();

export function useCodeLists() {
  return useQuery({
    queryKey: ['code-lists', 'index'],
    queryFn: () => api.get<Array<Omit<CodeList, 'items'>>>('/code-lists', { check: ListsSchema }),
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
    mutationFn: ({ code, body }: { code: string; body: UpsertCodeItem }) =>
      api.put<CodeItem>(`/code-lists/${key}/items/${encodeURIComponent(code)}`, body, { check: CodeItemSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useRetireItem(key: CodeListKey) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (code: string) =>
      api.post<CodeItem>(`/code-lists/${key}/items/${encodeURIComponent(code)}/retire`, undefined, { check: CodeItemSchema }),
    onSuccess: () => invalidate(),
  });
}
