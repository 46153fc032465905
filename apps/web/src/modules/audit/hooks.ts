import { type AuditEntry, AuditEntrySchema, type AuditVerification, AuditVerificationSchema, pageOf } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

const AuditPageSchema = pageOf(AuditEntrySchema);

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
  const query = { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters };
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { query, check: AuditPageSchema }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/audit/verify on demand (it walks the whole chain). */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => api.get<AuditVerification>('/audit/verify', { check: AuditVerificationSchema }),
  });
}
