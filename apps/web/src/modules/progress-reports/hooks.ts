import { type ProgressReport, ProgressReportAcceptedSchema, ProgressReportSchema, pageOf } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';

const KEY = ['progress-reports'] as const;
const PageSchema = pageOf(ProgressReportSchema);

/** Kept reports, newest first; refreshed while one is being generated. */
export function useProgressReports(query: { page: number; pageSize: number; quarter?: string | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => api.get<{ items: ProgressReport[]; total: number }>('/progress-reports', { query, check: PageSchema }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'generating') ? 2_000 : false),
  });
}

export function useGenerateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (quarter: string) =>
      api.post<{ reportId: string; jobId: string }>('/progress-reports', { quarter }, { check: ProgressReportAcceptedSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const reportHtmlUrl = (id: string) => `/api/progress-reports/${id}/html`;
export const reportPdfUrl = (id: string) => `/api/progress-reports/${id}/pdf`;

/** 2026Q3 → { year: 2026, q: 3 }. */
export function splitQuarter(quarter: string): { year: string; q: string } {
  return { year: quarter.slice(0, 4), q: quarter.slice(5) };
}
