import {
  type CreateHandleRecord,
  type CreateTemplate,
  type DelegatePrefix,
  type HandlePrefix,
  HandlePrefixSchema,
  type HandleRecordDetail,
  HandleRecordDetailSchema,
  type HandleRecordSummary,
  HandleRecordSummarySchema,
  type HandleStats,
  HandleStatsSchema,
  type HandleTemplate,
  HandleTemplateSchema,
  type PublicHandleView,
  PublicHandleViewSchema,
  pageOf,
  type ReverseLookupResult,
  ReverseLookupResultSchema,
  type UpdateHandleRecord,
  type UpdatePrefix,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/http';
import { encodeHandlePath } from './logic';

const PrefixPageSchema = pageOf(HandlePrefixSchema);
const RecordPageSchema = pageOf(HandleRecordSummarySchema);
const TemplateListSchema = HandleTemplateSchema.array();

const recordPath = (handle: string) => `/identifiers/records/${encodeHandlePath(handle)}`;
const prefixPath = (prefix: string) => `/identifiers/prefixes/${encodeURIComponent(prefix)}`;

export interface PrefixQuery {
  q?: string;
  page: number;
  pageSize: number;
}

/** Prefixes the user may see (city: all; enterprises: their own and those whose admin group holds them). */
export function usePrefixes(query: PrefixQuery) {
  return useQuery({
    queryKey: ['identifiers', 'prefixes', query],
    queryFn: () => api.get<Page<HandlePrefix>>('/identifiers/prefixes', { query: { ...query }, check: PrefixPageSchema }),
    placeholderData: keepPreviousData,
  });
}

/** Every visible prefix, for pickers. */
export function usePrefixOptions() {
  return useQuery({
    queryKey: ['identifiers', 'prefixes', 'options'],
    queryFn: async () =>
      (await api.get<Page<HandlePrefix>>('/identifiers/prefixes', { query: { pageSize: 200 }, check: PrefixPageSchema })).items,
    staleTime: 30_000,
  });
}

function useInvalidate(...keys: string[]) {
  const client = useQueryClient();
  return () => Promise.all(keys.map((key) => client.invalidateQueries({ queryKey: ['identifiers', key] })));
}

export function useDelegatePrefix() {
  const invalidate = useInvalidate('prefixes');
  return useMutation({
    mutationFn: (body: DelegatePrefix) => api.post<HandlePrefix>('/identifiers/prefixes', body, { check: HandlePrefixSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdatePrefix() {
  const invalidate = useInvalidate('prefixes');
  return useMutation({
    mutationFn: ({ prefix, body }: { prefix: string; body: UpdatePrefix }) =>
      api.patch<HandlePrefix>(prefixPath(prefix), body, { check: HandlePrefixSchema }),
    onSuccess: () => invalidate(),
  });
}

/** Every template version of a prefix. */
export function useTemplates(prefix: string | undefined) {
  return useQuery({
    queryKey: ['identifiers', 'templates', prefix],
    enabled: prefix !== undefined,
    queryFn: () => api.get<HandleTemplate[]>(`${prefixPath(prefix ?? '')}/templates`, { check: TemplateListSchema }),
  });
}

export function useCreateTemplate(prefix: string | undefined) {
  const invalidate = useInvalidate('templates');
  return useMutation({
    mutationFn: (body: CreateTemplate) =>
      api.post<HandleTemplate>(`${prefixPath(prefix ?? '')}/templates`, body, { check: HandleTemplateSchema }),
    onSuccess: () => invalidate(),
  });
}

export interface RecordQuery {
  prefix?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function useRecords(query: RecordQuery) {
  return useQuery({
    queryKey: ['identifiers', 'records', 'list', query],
    queryFn: () => api.get<Page<HandleRecordSummary>>('/identifiers/records', { query: { ...query }, check: RecordPageSchema }),
    placeholderData: keepPreviousData,
  });
}

/** A record with all its values (non-public ones too, for its administrators). */
export function useRecord(handle: string | undefined) {
  return useQuery({
    queryKey: ['identifiers', 'records', 'one', handle],
    enabled: handle !== undefined,
    queryFn: () => api.get<HandleRecordDetail>(recordPath(handle ?? ''), { check: HandleRecordDetailSchema }),
  });
}

export function useCreateRecord() {
  const invalidate = useInvalidate('records', 'prefixes', 'stats');
  return useMutation({
    mutationFn: (body: CreateHandleRecord) =>
      api.post<HandleRecordDetail>('/identifiers/records', body, { check: HandleRecordDetailSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateRecord() {
  const invalidate = useInvalidate('records');
  return useMutation({
    mutationFn: ({ handle, body }: { handle: string; body: UpdateHandleRecord }) =>
      api.put<HandleRecordDetail>(recordPath(handle), body, { check: HandleRecordDetailSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteRecord() {
  const invalidate = useInvalidate('records', 'prefixes');
  return useMutation({
    mutationFn: (handle: string) => api.delete<unknown>(recordPath(handle)),
    onSuccess: () => invalidate(),
  });
}

export interface ReverseQuery {
  value: string;
  type?: string;
  prefix?: string;
  page: number;
  pageSize: number;
}

/** Which handles carry this value (logged in: non-public values in scope too). */
export function useReverse(query: ReverseQuery | null) {
  return useQuery({
    queryKey: ['identifiers', 'reverse', query],
    enabled: query !== null,
    queryFn: () => api.get<ReverseLookupResult>('/identifiers/reverse', { query: { ...query }, check: ReverseLookupResultSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useStats(query: { from: string; to: string; prefix?: string }) {
  return useQuery({
    queryKey: ['identifiers', 'stats', query],
    queryFn: () => api.get<HandleStats>('/identifiers/stats', { query: { ...query }, check: HandleStatsSchema }),
    placeholderData: keepPreviousData,
  });
}

/** The resolve page's view: public values with the template's labels and the owner's name. */
export function usePublicView(handle: string, enabled: boolean) {
  return useQuery({
    queryKey: ['identifiers', 'public', handle],
    enabled: enabled && handle !== '',
    queryFn: () => api.get<PublicHandleView>(`/identifiers/public/records/${encodeHandlePath(handle)}`, { check: PublicHandleViewSchema }),
    retry: false,
  });
}

/** Anonymous reverse lookup for the resolve page: public-read values only. */
export function usePublicReverse(value: string) {
  return useQuery({
    queryKey: ['identifiers', 'public-reverse', value],
    enabled: value !== '',
    queryFn: () =>
      api.get<ReverseLookupResult>('/identifiers/public/reverse', {
        query: { value, page: 1, pageSize: 50 },
        check: ReverseLookupResultSchema,
      }),
    retry: false,
  });
}
