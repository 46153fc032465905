import { type Indicator, IndicatorSchema, type IndicatorSeries, IndicatorSeriesSchema } from '@suilian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

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
