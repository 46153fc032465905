import { API } from '@suilian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, urlOf } from '../../api/endpoints';
import { ApiError } from '../../api/http';

/** The whole 驾驶舱 in one request: city-wide or one district; `mapIndicator` colours the map and ranking. */
export function useDashboard(query: { district?: string | undefined; mapIndicator?: string | undefined; asOf?: string | undefined }) {
  return useQuery({
    queryKey: ['dashboard', query.district ?? 'city', query.mapIndicator ?? 'default', query.asOf ?? 'today'],
    queryFn: () => call(API.getDashboard, { query }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The anonymous version (no login): city-wide aggregate figures. */
export function usePublicDashboard(mapIndicator: string | undefined) {
  return useQuery({
    queryKey: ['public-dashboard', mapIndicator ?? 'default'],
    queryFn: () => call(API.getPublicDashboard, { query: { mapIndicator } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Monthly values, the milestone path and the forecast of one indicator (logged-in users only). */
export function useTrend(code: string | undefined, district: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: ['indicators', 'series', code, district ?? 'city', asOf ?? 'today'],
    queryFn: () => call(API.getIndicatorSeries, { params: { code: code ?? '' }, query: { district, asOf } }),
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
    queryFn: async () => {
      // A reference file (GeoJSON with its licence linked), not one of the API's JSON answers.
      const res = await fetch(urlOf(API.getDistrictOutlines), { credentials: 'same-origin' });
      if (!res.ok) throw new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'UNKNOWN', res.statusText, null, undefined);
      return (await res.json()) as DistrictGeoJson;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
