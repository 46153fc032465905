import { API, type CreateApiToken, type ResultOf } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

/** A new token with its secret, shown once. */
export type CreatedToken = ResultOf<typeof API.createApiToken>;

export function useTokens(table: TableState, includeRevoked: boolean) {
  const query = urlQuery(API.listApiTokens, { page: table.page, pageSize: table.pageSize, includeRevoked: String(includeRevoked) });
  return useQuery({
    queryKey: ['tokens', 'list', query],
    queryFn: () => call(API.listApiTokens, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiToken) => call(API.createApiToken, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(API.revokeApiToken, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
