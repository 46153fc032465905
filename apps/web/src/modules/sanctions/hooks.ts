import { API, type CreateSanction, type LiftSanction, type SanctionState } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export interface SanctionFilters {
  q?: string;
  state?: SanctionState;
}

export function useSanctions(table: TableState, filters: SanctionFilters) {
  const query = urlQuery(API.listSanctions, { page: table.page, pageSize: table.pageSize, ...filters });
  return useQuery({
    queryKey: ['sanctions', 'list', query],
    queryFn: () => call(API.listSanctions, { query }),
    placeholderData: keepPreviousData,
  });
}

/** Sanctions in force against an organisation, for the banner reviewers see on its records. */
export function useSanctionsInForce(organisationId: string | undefined, enabled: boolean) {
  const query = urlQuery(API.listSanctions, { page: 1, pageSize: 5, state: 'active', organisationId });
  return useQuery({
    queryKey: ['sanctions', 'in-force', organisationId],
    queryFn: () => call(API.listSanctions, { query }),
    enabled: enabled && Boolean(organisationId),
  });
}

export function useLookupSanctions() {
  return useMutation({ mutationFn: (personIdNumber: string) => call(API.lookupSanctions, { body: { personIdNumber } }) });
}

export function useCreateSanction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSanction) => call(API.createSanction, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sanctions'] }),
  });
}

export function useLiftSanction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LiftSanction }) => call(API.liftSanction, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sanctions'] }),
  });
}
