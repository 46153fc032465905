import {
  type Advisory,
  type AdvisoryDetail,
  AdvisoryDetailSchema,
  type AdvisoryImportOutcome,
  AdvisoryImportOutcomeSchema,
  AdvisorySchema,
  type Asset,
  type AssetInput,
  AssetSchema,
  type Finding,
  type FindingDetail,
  FindingDetailSchema,
  FindingSchema,
  type FindingTransition,
  type ManualVulnerabilityInput,
  type Match,
  type MatchReview,
  MatchSchema,
  type Notice,
  type NoticeInput,
  type NoticeResponse,
  NoticeSchema,
  pageOf,
  type Scan,
  ScanSchema,
  type UpdateAsset,
  type UpdateNotice,
  type VendorAlias,
  type VendorAliasInput,
  VendorAliasSchema,
  type Vulnerability,
  type VulnerabilityDetail,
  VulnerabilityDetailSchema,
  VulnerabilitySchema,
  type VulnStats,
  VulnStatsSchema,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type Checker, type Page, type QueryValue } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

/** Everything of this module lives under one query key, so a write refreshes what it may change. */
const ROOT = 'security';
const BASE = '/security';

type Query = Record<string, QueryValue>;
const listQuery = (table: TableState, filters: Query) => ({ page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });

function useList<T>(kind: string, path: string, check: Checker<Page<T>>, query: Query, enabled = true) {
  return useQuery({
    queryKey: [ROOT, kind, 'list', query],
    enabled,
    queryFn: () => api.get<Page<T>>(`${BASE}${path}`, { query, check }),
    placeholderData: keepPreviousData,
  });
}

function useOne<T>(kind: string, path: string | undefined, check: Checker<T>) {
  return useQuery({
    queryKey: [ROOT, kind, 'one', path],
    enabled: path !== undefined,
    queryFn: () => api.get<T>(`${BASE}${path}`, { check }),
  });
}

/** Refreshes every list and detail of the module (writes ripple: an asset change re-matches, a fix changes statistics). */
export function useInvalidateSecurity() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [ROOT] });
}

function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const invalidate = useInvalidateSecurity();
  return useMutation({ mutationFn: fn, onSuccess: () => void invalidate() });
}

// ---------------------------------------------------------------- catalogue

const VulnPage = pageOf(VulnerabilitySchema);
export const useVulnerabilities = (table: TableState, filters: Query) =>
  useList<Vulnerability>('vulnerabilities', '/vulnerabilities', VulnPage, listQuery(table, filters));
export const useVulnerability = (id: string | undefined) =>
  useOne<VulnerabilityDetail>('vulnerabilities', id && `/vulnerabilities/${id}`, VulnerabilityDetailSchema);

/** Vulnerabilities for a picker: the first 20 matching the text. */
export function useVulnerabilityOptions(q: string) {
  return useQuery({
    queryKey: [ROOT, 'vulnerabilities', 'options', q],
    queryFn: async () =>
      (await api.get<Page<{ id: string; key: string; title: string }>>(`${BASE}/vulnerabilities`, { query: { q, pageSize: 20 } })).items,
    placeholderData: keepPreviousData,
  });
}

export const useAdvisory = (id: string | undefined) =>
  useOne<AdvisoryDetail>('advisories', id && `/advisories/${id}`, AdvisoryDetailSchema);

const AdvisoryPage = pageOf(AdvisorySchema);
export const useAdvisories = (table: TableState, filters: Query) =>
  useList<Advisory>('advisories', '/advisories', AdvisoryPage, listQuery(table, filters));

export const useManualRecord = () =>
  useWrite((input: ManualVulnerabilityInput) =>
    api.post<AdvisoryImportOutcome>(`${BASE}/manual-records`, input, { check: AdvisoryImportOutcomeSchema }),
  );

/**
 * POSTs every file as its own part of one multipart request (the directory import, which the
 * one-file `postMultipart` cannot send) and answers the job's id. The CSRF token is the session's.
 */
export async function postFiles(path: string, files: File[], csrfToken: string | undefined): Promise<string> {
  const body = new FormData();
  for (const f of files) body.append('files', f, f.webkitRelativePath || f.name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${BASE}${path}`, { method: 'POST', headers, credentials: 'same-origin', body });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', String(cause), null, undefined);
  }
  const data = (await res.json().catch(() => null)) as {
    id?: string;
    error?: { code: string; message: string; requestId?: string; details?: unknown };
  } | null;
  if (!res.ok || !data?.id) {
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? 'UNKNOWN', e?.message ?? res.statusText, e?.requestId ?? null, e?.details);
  }
  return data.id;
}

export const useAliases = (enabled: boolean) =>
  useQuery({
    queryKey: [ROOT, 'aliases'],
    enabled,
    queryFn: () => api.get<VendorAlias[]>(`${BASE}/vendor-aliases`),
  });
export const useSaveAlias = () =>
  useWrite((input: { id?: string; version?: number; body: VendorAliasInput }) =>
    input.id
      ? api.put<VendorAlias>(`${BASE}/vendor-aliases/${input.id}`, { ...input.body, version: input.version }, { check: VendorAliasSchema })
      : api.post<VendorAlias>(`${BASE}/vendor-aliases`, input.body, { check: VendorAliasSchema }),
  );
export const useDeleteAlias = () => useWrite((id: string) => api.delete(`${BASE}/vendor-aliases/${id}`));

// ---------------------------------------------------------------- assets

const AssetPage = pageOf(AssetSchema);
export const useAssets = (table: TableState, filters: Query) => useList<Asset>('assets', '/assets', AssetPage, listQuery(table, filters));
export const useSaveAsset = () =>
  useWrite((input: { id: string; body: UpdateAsset } | { id?: undefined; body: AssetInput }) =>
    input.id
      ? api.patch<Asset>(`${BASE}/assets/${input.id}`, input.body, { check: AssetSchema })
      : api.post<Asset>(`${BASE}/assets`, input.body, { check: AssetSchema }),
  );
export const useDeleteAsset = () => useWrite((id: string) => api.delete(`${BASE}/assets/${id}`));

// ---------------------------------------------------------------- matches

const MatchPage = pageOf(MatchSchema);
export const useMatches = (table: TableState, filters: Query) =>
  useList<Match>('matches', '/matches', MatchPage, listQuery(table, filters));
export const useReviewMatch = () =>
  useWrite((input: { id: string; body: MatchReview }) =>
    api.post<Match>(`${BASE}/matches/${input.id}/review`, input.body, { check: MatchSchema }),
  );
export const useRematch = () => useWrite((_: undefined) => api.post<{ id: string }>(`${BASE}/rematch`));

// ---------------------------------------------------------------- findings

const FindingPage = pageOf(FindingSchema);
export const useFindings = (table: TableState, filters: Query) =>
  useList<Finding>('findings', '/findings', FindingPage, listQuery(table, filters));
export const useFinding = (id: string | undefined) => useOne<FindingDetail>('findings', id && `/findings/${id}`, FindingDetailSchema);
export const useTransition = () =>
  useWrite((input: { id: string; body: FindingTransition }) =>
    api.post<FindingDetail>(`${BASE}/findings/${input.id}/transitions`, input.body, { check: FindingDetailSchema }),
  );

const ScanPage = pageOf(ScanSchema);
export const useScans = (enabled: boolean) => useList<Scan>('scans', '/scans', ScanPage, { page: 1, pageSize: 10 }, enabled);

// ---------------------------------------------------------------- notices

const NoticePage = pageOf(NoticeSchema);
export const useNotices = (table: TableState, filters: Query) =>
  useList<Notice>('notices', '/notices', NoticePage, listQuery(table, filters));
export const useNotice = (id: string | undefined) => useOne<Notice>('notices', id && `/notices/${id}`, NoticeSchema);
export const useSaveNotice = () =>
  useWrite((input: { id: string; body: UpdateNotice } | { id?: undefined; body: NoticeInput }) =>
    input.id
      ? api.patch<Notice>(`${BASE}/notices/${input.id}`, input.body, { check: NoticeSchema })
      : api.post<Notice>(`${BASE}/notices`, input.body, { check: NoticeSchema }),
  );
export const usePublishNotice = () =>
  useWrite((n: { id: string; version: number }) =>
    api.post<Notice>(`${BASE}/notices/${n.id}/publish`, { version: n.version }, { check: NoticeSchema }),
  );
export const useAcknowledgeNotice = () =>
  useWrite((id: string) => api.post<Notice>(`${BASE}/notices/${id}/acknowledge`, undefined, { check: NoticeSchema }));
export const useRespondNotice = () =>
  useWrite((input: { id: string; body: NoticeResponse }) =>
    api.post<Notice>(`${BASE}/notices/${input.id}/response`, input.body, { check: NoticeSchema }),
  );

// ---------------------------------------------------------------- statistics

export const useStats = (months: number) =>
  useQuery({
    queryKey: [ROOT, 'stats', months],
    queryFn: () => api.get<VulnStats>(`${BASE}/stats`, { query: { months }, check: VulnStatsSchema }),
    placeholderData: keepPreviousData,
  });
