import { API } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export interface AuditFilters {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
}

export function useAuditEntries(table: TableState, filters: AuditFilters) {
  const query = urlQuery(API.listAuditEntries, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: () => call(API.listAuditEntries, { query }),
    placeholderData: keepPreviousData,
  });
}

/** Verifies the chain on demand (it walks the whole chain). */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => call(API.verifyAuditChain),
  });
}
