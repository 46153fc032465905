import { API, type IndicatorCreate, type IndicatorUpdate, type SetAllocations } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/endpoints';

/** The 16 targets with value, progress, expected and pace — city-wide, or for one district. */
export function useIndicators(district: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'list', district ?? 'city'],
    queryFn: () => call(API.listIndicators, { query: { district } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Monthly points (value and the milestone path) of one indicator. */
export function useIndicatorSeries(code: string, district: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'series', code, district ?? 'city'],
    queryFn: () => call(API.getIndicatorSeries, { params: { code }, query: { district } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

// ---- Administration (指标管理) and drill-down (指标明细) ----------------------------------------

export function useIndicatorDefinitions(includeRetired: boolean) {
  return useQuery({
    queryKey: ['indicators', 'definitions', includeRetired],
    queryFn: () => call(API.listIndicatorDefinitions, { query: { retired: includeRetired ? 'include' : undefined } }),
  });
}

export function useIndicatorSources() {
  return useQuery({
    queryKey: ['indicators', 'sources'],
    queryFn: () => call(API.getIndicatorSources),
    staleTime: 60_000,
  });
}

/** The server's check of a formula as typed (debounced by the caller): problems, cycle, and the value today. */
export function useFormulaCheck(formula: string, code: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'formula-check', code ?? '', formula],
    queryFn: () => call(API.checkIndicatorFormula, { body: { formula, ...(code ? { code } : {}) } }),
    enabled: formula.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

function useInvalidateIndicators() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['indicators'] });
}

export function useSaveIndicator() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (input: { code: string; create: true; body: IndicatorCreate } | { code: string; create: false; body: IndicatorUpdate }) =>
      input.create
        ? call(API.createIndicator, { body: input.body })
        : call(API.updateIndicator, { params: { code: input.code }, body: input.body }),
    onSuccess: () => invalidate(),
  });
}

export function useRetireIndicator() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ code, version, reason }: { code: string; version: number; reason: string }) =>
      call(API.retireIndicator, { params: { code }, body: { version, reason } }),
    onSuccess: () => invalidate(),
  });
}

export function useRestoreIndicator() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ code, version }: { code: string; version: number }) =>
      call(API.restoreIndicator, { params: { code }, body: { version } }),
    onSuccess: () => invalidate(),
  });
}

/** One page of the records behind an indicator's value. */
export function useIndicatorRecords(
  code: string,
  query: { district: string | undefined; asOf: string | undefined; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ['indicators', 'records', code, query],
    queryFn: () =>
      call(API.listIndicatorRecords, {
        params: { code },
        query: { district: query.district, asOf: query.asOf, page: query.page, pageSize: query.pageSize },
      }),
    placeholderData: keepPreviousData,
  });
}

// ---- 目标分解 (issue #12 item 5) ---------------------------------------------------------------

/** Each district's allocation of a target and every version before. */
export function useIndicatorAllocations(code: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'allocations', code ?? ''],
    queryFn: () => call(API.getIndicatorAllocations, { params: { code: code ?? '' } }),
    enabled: Boolean(code),
  });
}

export function useSetIndicatorAllocations() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ code, items }: { code: string; items: SetAllocations['items'] }) =>
      call(API.setIndicatorAllocations, { params: { code }, body: { items } }),
    onSuccess: () => invalidate(),
  });
}
