import {
  type Dashboard,
  DashboardSchema,
  type IndicatorSeries,
  IndicatorSeriesSchema,
  type PublicDashboard,
  PublicDashboardSchema,
} from '@suilian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';

/** The whole 驾驶舱 in one request: city-wide or one district; `mapIndicator` colours the map and ranking. */
export function useDashboard(query: { district?: string | undefined; mapIndicator?: string | undefined; asOf?: string | undefined }) {
  return useQuery({
    queryKey: ['dashboard', query.district ?? 'city', query.mapIndicator ?? 'default', query.asOf ?? 'today'],
    queryFn: () => api.get<Dashboard>('/dashboard', { query, check: DashboardSchema }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The anonymous version (no login): city-wide aggregate figures. */
export function usePublicDashboard(mapIndicator: string | undefined) {
  return useQuery({
    queryKey: ['public-dashboard', mapIndicator ?? 'default'],
    queryFn: () => api.get<PublicDashboard>('/public/dashboard', { query: { mapIndicator }, check: PublicDashboardSchema }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Monthly values, the milestone path and the forecast of one indicator (logged-in users only). */
export function useTrend(code: string | undefined, district: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: ['indicators', 'series', code, district ?? 'city', asOf ?? 'today'],
    queryFn: () => api.get<IndicatorSeries>(`/indicators/${code}/series`, { query: { district, asOf }, check: IndicatorSeriesSchema }),
    enabled: code !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export interface DistrictGeoJson {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; id?: string; properties: Record<string, unknown>; geometry: unknown }>;
}

/** The district outlines (schematic), served by the API with their licence; the same for everybody. */
export function useDistrictOutlines() {
  return useQuery({
    queryKey: ['reference', 'guangzhou-districts'],
    queryFn: () => api.get<DistrictGeoJson>('/reference/guangzhou-districts.geojson'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
