import { API } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlOf } from '../../api/endpoints';

const KEY = ['progress-reports'] as const;

/** Kept reports, newest first; refreshed while one is being generated. */
export function useProgressReports(query: { page: number; pageSize: number; quarter?: string | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => call(API.listProgressReports, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'generating') ? 2_000 : false),
  });
}

export function useGenerateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (quarter: string) => call(API.generateProgressReport, { body: { quarter } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const reportHtmlUrl = (id: string) => urlOf(API.getProgressReportHtml, { params: { id } });
export const reportPdfUrl = (id: string) => urlOf(API.downloadProgressReportPdf, { params: { id } });

/** 2026Q3 → { year: 2026, q: 3 }. */
export function splitQuarter(quarter: string): { year: string; q: string } {
  return { year: quarter.slice(0, 4), q: quarter.slice(5) };
}
