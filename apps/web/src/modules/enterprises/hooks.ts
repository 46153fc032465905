import {
  type CreateEnterprise,
  type Enterprise,
  EnterpriseSchema,
  type Honour,
  type HonourInput,
  HonourSchema,
  OkSchema,
  pageOf,
  type UpdateEnterprise,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

const EnterprisePageSchema = pageOf(EnterpriseSchema);

export const ENTERPRISE_FILTER_KEYS = ['q', 'districtId', 'clusterCode', 'industryCode', 'sizeClass', 'aboveScale', 'honourType'] as const;
export type EnterpriseFilters = Partial<Record<(typeof ENTERPRISE_FILTER_KEYS)[number], string>>;

export function useEnterprises(table: TableState, filters: EnterpriseFilters) {
  const query = { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters };
  return useQuery({
    queryKey: ['enterprises', 'list', query],
    queryFn: () => api.get<Page<Enterprise>>('/enterprises', { query, check: EnterprisePageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Enterprise>(`/enterprises/${id}`, { check: EnterpriseSchema }),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['enterprises'] }),
      // Enterprises are organisations too (tree, pickers).
      client.invalidateQueries({ queryKey: ['organisations'] }),
    ]);
}

export function useCreateEnterprise() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateEnterprise) => api.post<Enterprise>('/enterprises', body, { check: EnterpriseSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateEnterprise() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateEnterprise }) =>
      api.patch<Enterprise>(`/enterprises/${id}`, body, { check: EnterpriseSchema }),
    // On success and on STALE_VERSION alike the cached copies are out of date.
    onSettled: () => invalidate(),
  });
}

export function useSaveHonour(enterpriseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: HonourInput }) =>
      id
        ? api.put<Honour>(`/enterprises/${enterpriseId}/honours/${id}`, body, { check: HonourSchema })
        : api.post<Honour>(`/enterprises/${enterpriseId}/honours`, body, { check: HonourSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteHonour(enterpriseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/enterprises/${enterpriseId}/honours/${id}`, { check: OkSchema }),
    onSuccess: () => invalidate(),
  });
}
