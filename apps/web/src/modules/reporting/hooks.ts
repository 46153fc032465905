import { API, type FormAction } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/endpoints';

export const DATA_SET = 'DISTRICT_MONTHLY';

/** One district's form for one period (district officers: their own; city users name the district). */
export function useReportForm(period: string, orgUnit: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['reporting', 'form', DATA_SET, period, orgUnit ?? 'own'],
    queryFn: () => call(API.getReportForm, { params: { dataSet: DATA_SET, period }, query: { orgUnit } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface SaveInput {
  values: Array<{ element: string; value: string | null; comment?: string | null }>;
}

/**
 * A district named by the caller (city users) is filled on its behalf (代填, issue #12 item 6): the
 * page says so above the form, and the server records it; district officers name none.
 */
const onBehalfOf = (orgUnit: string | undefined) => (orgUnit ? { onBehalf: true } : {});

export function useSaveForm(period: string, orgUnit: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) =>
      call(API.saveReportValues, {
        params: { dataSet: DATA_SET, period },
        body: { orgUnit, values: input.values, ...onBehalfOf(orgUnit) },
      }),
    onSuccess: (form) => qc.setQueryData(['reporting', 'form', DATA_SET, period, orgUnit ?? 'own'], form),
  });
}

export function useFormAction(period: string, orgUnit: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: FormAction; version: number; comment?: string }) =>
      call(API.transitionReportForm, { params: { dataSet: DATA_SET, period }, body: { orgUnit, ...input, ...onBehalfOf(orgUnit) } }),
    onSuccess: (result) => {
      qc.setQueryData(['reporting', 'form', DATA_SET, period, orgUnit ?? 'own'], result.form);
      void qc.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
}

/** `YYYYMM` of the month before `now`. */
export function lastMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `202610` → `2026-10`. */
export const monthLabel = (period: string) => (/^\d{6}$/.test(period) ? `${period.slice(0, 4)}-${period.slice(4)}` : period);
