import { type ApiToken, ApiTokenSchema, type CreateApiToken, CreatedApiTokenSchema, pageOf } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

const TokenPageSchema = pageOf(ApiTokenSchema);

export interface CreatedToken {
  token: string;
  apiToken: ApiToken;
}

export function useTokens(table: TableState, includeRevoked: boolean) {
  const query = { page: table.page, pageSize: table.pageSize, includeRevoked: String(includeRevoked) };
  return useQuery({
    queryKey: ['tokens', 'list', query],
    queryFn: () => api.get<Page<ApiToken>>('/tokens', { query, check: TokenPageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiToken) => api.post<CreatedToken>('/tokens', body, { check: CreatedApiTokenSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApiToken>(`/tokens/${id}/revoke`, undefined, { check: ApiTokenSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
