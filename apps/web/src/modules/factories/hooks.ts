import { API, type CreateFactory, type UpdateFactory } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export const FACTORY_FILTER_KEYS = ['q', 'districtId', 'enterpriseId', 'level', 'minLiveScenarios'] as const;
export type FactoryFilters = Partial<Record<(typeof FACTORY_FILTER_KEYS)[number], string>>;

export function useFactories(table: TableState, filters: FactoryFilters, enabled = true) {
  const query = urlQuery(API.listFactories, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['factories', 'list', query],
    enabled,
    queryFn: () => call(API.listFactories, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useFactory(id: string | undefined) {
  return useQuery({
    queryKey: ['factories', 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getFactory, { params: { id: id ?? '' } }),
  });
}

function useInvalidateFactories() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['factories'] });
}

export function useCreateFactory() {
  const invalidate = useInvalidateFactories();
  return useMutation({
    mutationFn: (body: CreateFactory) => call(API.createFactory, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateFactory() {
  const invalidate = useInvalidateFactories();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateFactory }) => call(API.updateFactory, { params: { id }, body }),
    onSettled: () => invalidate(),
  });
}
