import {
  type CallInput,
  type CreateRecord,
  REGISTRY_API,
  type RegistryEndpoints,
  type RegistryKey,
  type UpdateRecord,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export const REGISTRY_FILTER_KEYS = ['q', 'year', 'kind', 'districtId'] as const;
export type RegistryFilters = Partial<Record<(typeof REGISTRY_FILTER_KEYS)[number], string>>;

export function useRecords(registry: RegistryKey, table: TableState, filters: RegistryFilters) {
  const api = REGISTRY_API[registry];
  const query = urlQuery(api.listRecords, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['registries', registry, 'list', query],
    queryFn: () => call(api.listRecords, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(registry: RegistryKey, id: string | undefined) {
  return useQuery({
    queryKey: ['registries', registry, 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(REGISTRY_API[registry].getRecord, { params: { id: id ?? '' } }),
  });
}

/** Test platforms for the test-record form and column (names by id). */
export function useTestPlatforms(enabled = true) {
  return useQuery({
    queryKey: ['registries', 'test-platforms', 'options'],
    enabled,
    queryFn: async () => (await call(REGISTRY_API['test-platforms'].listRecords, { query: { pageSize: 200, sort: 'title' } })).items,
    staleTime: 60_000,
  });
}

function useInvalidate(registry: RegistryKey) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['registries', registry] });
}

// The form builds `data` from the registry's field configuration (configs.ts), so it is typed as a
// plain record here; the server checks it against the registry's own schema and names what is wrong.
type CreateBody = CallInput<RegistryEndpoints['createRecord']>['body'];
type UpdateBody = CallInput<RegistryEndpoints['updateRecord']>['body'];

export function useSaveRecord(registry: RegistryKey) {
  const invalidate = useInvalidate(registry);
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateRecord } | { id?: undefined; body: CreateRecord }) =>
      input.id !== undefined
        ? call(REGISTRY_API[registry].updateRecord, { params: { id: input.id }, body: input.body as UpdateBody })
        : call(REGISTRY_API[registry].createRecord, { body: input.body as CreateBody }),
    onSettled: () => invalidate(),
  });
}

export function useDeleteRecord(registry: RegistryKey) {
  const invalidate = useInvalidate(registry);
  return useMutation({
    mutationFn: (id: string) => call(REGISTRY_API[registry].deleteRecord, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}
