import {
  type FormulaCheckResult,
  FormulaCheckResultSchema,
  type Indicator,
  type IndicatorCreate,
  type IndicatorDefinition,
  IndicatorDefinitionSchema,
  type IndicatorRecords,
  IndicatorRecordsSchema,
  IndicatorSchema,
  type IndicatorSeries,
  IndicatorSeriesSchema,
  type IndicatorSources,
  IndicatorSourcesSchema,
  type IndicatorUpdate,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';

const IndicatorsSchema = IndicatorSchema.array();

/** The 16 targets with value, progress, expected and pace — city-wide, or for one district. */
export function useIndicators(district: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'list', district ?? 'city'],
    queryFn: () => api.get<Indicator[]>('/indicators', { query: { district }, check: IndicatorsSchema }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Monthly points (value and the milestone path) of one indicator. */
export function useIndicatorSeries(code: string, district: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'series', code, district ?? 'city'],
    queryFn: () => api.get<IndicatorSeries>(`/indicators/${code}/series`, { query: { district }, check: IndicatorSeriesSchema }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

// ---- Administration (指标管理) and drill-down (指标明细) ----------------------------------------

const DefinitionsSchema = IndicatorDefinitionSchema.array();

export function useIndicatorDefinitions(includeRetired: boolean) {
  return useQuery({
    queryKey: ['indicators', 'definitions', includeRetired],
    queryFn: () =>
      api.get<IndicatorDefinition[]>('/indicators/definitions', {
        query: { retired: includeRetired ? 'include' : undefined },
        check: DefinitionsSchema,
      }),
  });
}

export function useIndicatorSources() {
  return useQuery({
    queryKey: ['indicators', 'sources'],
    queryFn: () => api.get<IndicatorSources>('/indicators/sources', { check: IndicatorSourcesSchema }),
    staleTime: 60_000,
  });
}

/** The server's check of a formula as typed (debounced by the caller): problems, cycle, and the value today. */
export function useFormulaCheck(formula: string, code: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'formula-check', code ?? '', formula],
    queryFn: () =>
      api.post<FormulaCheckResult>(
        '/indicators/formula-check',
        { formula, ...(code ? { code } : {}) },
        { check: FormulaCheckResultSchema },
      ),
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
        ? api.post<IndicatorDefinition>('/indicators', input.body, { check: IndicatorDefinitionSchema })
        : api.patch<IndicatorDefinition>(`/indicators/${encodeURIComponent(input.code)}`, input.body, { check: IndicatorDefinitionSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useRetireIndicator() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ code, version, reason }: { code: string; version: number; reason: string }) =>
      api.post<IndicatorDefinition>(
        `/indicators/${encodeURIComponent(code)}/retire`,
        { version, reason },
        { check: IndicatorDefinitionSchema },
      ),
    onSuccess: () => invalidate(),
  });
}

export function useRestoreIndicator() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ code, version }: { code: string; version: number }) =>
      api.post<IndicatorDefinition>(`/indicators/${encodeURIComponent(code)}/restore`, { version }, { check: IndicatorDefinitionSchema }),
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
      api.get<IndicatorRecords>(`/indicators/${encodeURIComponent(code)}/records`, {
        query: { district: query.district, asOf: query.asOf, page: String(query.page), pageSize: String(query.pageSize) },
        check: IndicatorRecordsSchema,
      }),
    placeholderData: keepPreviousData,
  });
}
