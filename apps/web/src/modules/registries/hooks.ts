import {
  type CreateRecord,
  OkSchema,
  pageOf,
  type RegistryKey,
  type RegistryRecord,
  RegistryRecordSchema,
  type UpdateRecord,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

const RecordPageSchema = pageOf(RegistryRecordSchema);

export const REGISTRY_FILTER_KEYS = ['q', 'year', 'kind', 'districtId'] as const;
export type RegistryFilters = Partial<Record<(typeof REGISTRY_FILTER_KEYS)[number], string>>;

export function useRecords(registry: RegistryKey, table: TableState, filters: RegistryFilters) {
  const query = { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters };
  return useQuery({
    queryKey: ['registries', registry, 'list', query],
    queryFn: () => api.get<Page<RegistryRecord>>(`/${registry}`, { query, check: RecordPageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(registry: RegistryKey, id: string | undefined) {
  return useQuery({
    queryKey: ['registries', registry, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<RegistryRecord>(`/${registry}/${id}`, { check: RegistryRecordSchema }),
  });
}

/** Test platforms for the test-record form and column (names by id). */
export function useTestPlatforms(enabled = true) {
  return useQuery({
    queryKey: ['registries', 'test-platforms', 'options'],
    enabled,
    queryFn: async () =>
      (await api.get<Page<RegistryRecord>>('/test-platforms', { query: { pageSize: 200, sort: 'title' }, check: RecordPageSchema })).items,
    staleTime: 60_000,
  });
}

function useInvalidate(registry: RegistryKey) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['registries', registry] });
}

export function useSaveRecord(registry: RegistryKey) {
  const invalidate = useInvalidate(registry);
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateRecord } | { id?: undefined; body: CreateRecord }) =>
      input.id
        ? api.patch<RegistryRecord>(`/${registry}/${input.id}`, input.body, { check: RegistryRecordSchema })
        : api.post<RegistryRecord>(`/${registry}`, input.body, { check: RegistryRecordSchema }),
    onSettled: () => invalidate(),
  });
}

export function useDeleteRecord(registry: RegistryKey) {
  const invalidate = useInvalidate(registry);
  return useMutation({
    mutationFn: (id: string) => api.delete(`/${registry}/${id}`, { check: OkSchema }),
    onSuccess: () => invalidate(),
  });
}
