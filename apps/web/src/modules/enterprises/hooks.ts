import { API, type CreateEnterprise, type HonourInput, type UpdateEnterprise } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export const ENTERPRISE_FILTER_KEYS = ['q', 'districtId', 'clusterCode', 'industryCode', 'sizeClass', 'aboveScale', 'honourType'] as const;
export type EnterpriseFilters = Partial<Record<(typeof ENTERPRISE_FILTER_KEYS)[number], string>>;

export function useEnterprises(table: TableState, filters: EnterpriseFilters) {
  const query = urlQuery(API.listEnterprises, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['enterprises', 'list', query],
    queryFn: () => call(API.listEnterprises, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getEnterprise, { params: { id: id ?? '' } }),
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
    mutationFn: (body: CreateEnterprise) => call(API.createEnterprise, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateEnterprise() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateEnterprise }) => call(API.updateEnterprise, { params: { id }, body }),
    // On success and on STALE_VERSION alike the cached copies are out of date.
    onSettled: () => invalidate(),
  });
}

export function useSaveHonour(enterpriseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: HonourInput }) =>
      id
        ? call(API.updateEnterpriseHonour, { params: { id: enterpriseId, honourId: id }, body })
        : call(API.addEnterpriseHonour, { params: { id: enterpriseId }, body }),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteHonour(enterpriseId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(API.removeEnterpriseHonour, { params: { id: enterpriseId, honourId: id } }),
    onSuccess: () => invalidate(),
  });
}
