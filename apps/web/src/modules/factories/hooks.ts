import { type CreateFactory, type Factory, FactorySchema, pageOf, type UpdateFactory } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../app/api';
import type { TableState } from '../../shared/useTableState';

const FactoryPageSchema = pageOf(FactorySchema);

export const FACTORY_FILTER_KEYS = ['q', 'districtId', 'enterpriseId', 'level', 'minLiveScenarios'] as const;
export type FactoryFilters = Partial<Record<(typeof FACTORY_FILTER_KEYS)[number], string>>;

export function useFactories(table: TableState, filters: FactoryFilters, enabled = true) {
  const query = { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters };
  return useQuery({
    queryKey: ['factories', 'list', query],
    enabled,
    queryFn: () => api.get<Page<Factory>>('/factories', { query, check: FactoryPageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useFactory(id: string | undefined) {
  return useQuery({
    queryKey: ['factories', 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Factory>(`/factories/${id}`, { check: FactorySchema }),
  });
}

function useInvalidateFactories() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['factories'] });
}

export function useCreateFactory() {
  const invalidate = useInvalidateFactories();
  return useMutation({
    mutationFn: (body: CreateFactory) => api.post<Factory>('/factories', body, { check: FactorySchema }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateFactory() {
  const invalidate = useInvalidateFactories();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateFactory }) =>
      api.patch<Factory>(`/factories/${id}`, body, { check: FactorySchema }),
    onSettled: () => invalidate(),
  });
}
