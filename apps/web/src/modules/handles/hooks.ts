import {
  API,
  type CreateHandleRecord,
  type CreateTemplate,
  type DelegatePrefix,
  type UpdateHandleRecord,
  type UpdatePrefix,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/endpoints';

// A handle is the rest of a record endpoint's path (`*`): its slashes stay separators.
const handleParams = (handle: string) => ({ '*': handle });

export interface PrefixQuery {
  q?: string;
  page: number;
  pageSize: number;
}

/** Prefixes the user may see (city: all; enterprises: their own and those whose admin group holds them). */
export function usePrefixes(query: PrefixQuery) {
  return useQuery({
    queryKey: ['identifiers', 'prefixes', query],
    queryFn: () => call(API.listIdentifierPrefixes, { query }),
    placeholderData: keepPreviousData,
  });
}

/** Every visible prefix, for pickers. */
export function usePrefixOptions() {
  return useQuery({
    queryKey: ['identifiers', 'prefixes', 'options'],
    queryFn: async () => (await call(API.listIdentifierPrefixes, { query: { pageSize: 200 } })).items,
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
    mutationFn: (body: DelegatePrefix) => call(API.delegateIdentifierPrefix, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdatePrefix() {
  const invalidate = useInvalidate('prefixes');
  return useMutation({
    mutationFn: ({ prefix, body }: { prefix: string; body: UpdatePrefix }) =>
      call(API.updateIdentifierPrefix, { params: { prefix }, body }),
    onSuccess: () => invalidate(),
  });
}

/** Every template version of a prefix. */
export function useTemplates(prefix: string | undefined) {
  return useQuery({
    queryKey: ['identifiers', 'templates', prefix],
    enabled: prefix !== undefined,
    queryFn: () => call(API.listIdentifierTemplates, { params: { prefix: prefix ?? '' } }),
  });
}

export function useCreateTemplate(prefix: string | undefined) {
  const invalidate = useInvalidate('templates');
  return useMutation({
    mutationFn: (body: CreateTemplate) => call(API.createIdentifierTemplate, { params: { prefix: prefix ?? '' }, body }),
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
    queryFn: () => call(API.listIdentifierRecords, { query }),
    placeholderData: keepPreviousData,
  });
}

/** A record with all its values (non-public ones too, for its administrators). */
export function useRecord(handle: string | undefined) {
  return useQuery({
    queryKey: ['identifiers', 'records', 'one', handle],
    enabled: handle !== undefined,
    queryFn: () => call(API.getIdentifierRecord, { params: handleParams(handle ?? '') }),
  });
}

export function useCreateRecord() {
  const invalidate = useInvalidate('records', 'prefixes', 'stats');
  return useMutation({
    mutationFn: (body: CreateHandleRecord) => call(API.createIdentifierRecord, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateRecord() {
  const invalidate = useInvalidate('records');
  return useMutation({
    mutationFn: ({ handle, body }: { handle: string; body: UpdateHandleRecord }) =>
      call(API.updateIdentifierRecord, { params: handleParams(handle), body }),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteRecord() {
  const invalidate = useInvalidate('records', 'prefixes');
  return useMutation({
    mutationFn: (handle: string) => call(API.deleteIdentifierRecord, { params: handleParams(handle) }),
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
    queryFn: () => call(API.reverseLookupIdentifiers, { query: query ?? undefined }),
    placeholderData: keepPreviousData,
  });
}

export function useStats(query: { from: string; to: string; prefix?: string }) {
  return useQuery({
    queryKey: ['identifiers', 'stats', query],
    queryFn: () => call(API.getIdentifierStats, { query }),
    placeholderData: keepPreviousData,
  });
}

/** The resolve page's view: public values with the template's labels and the owner's name. */
export function usePublicView(handle: string, enabled: boolean) {
  return useQuery({
    queryKey: ['identifiers', 'public', handle],
    enabled: enabled && handle !== '',
    queryFn: () => call(API.getPublicIdentifierView, { params: handleParams(handle) }),
    retry: false,
  });
}

/** Anonymous reverse lookup for the resolve page: public-read values only. */
export function usePublicReverse(value: string) {
  return useQuery({
    queryKey: ['identifiers', 'public-reverse', value],
    enabled: value !== '',
    queryFn: () => call(API.publicReverseLookupIdentifiers, { query: { value, page: 1, pageSize: 50 } }),
    retry: false,
  });
}
