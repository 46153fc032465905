import {
  API,
  type AssetInput,
  type FindingTransition,
  type ManualVulnerabilityInput,
  type MatchReview,
  type NoticeInput,
  type NoticeResponse,
  type SlaPolicy,
  type UpdateAsset,
  type UpdateNotice,
  type VendorAliasInput,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlOf, urlQuery } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

/** Everything of this module lives under one query key, so a write refreshes what it may change. */
const ROOT = 'security';

/** List filters as the URL keeps them (strings); the server validates them like any other query. */
type Filters = Record<string, string | undefined>;
const listQuery = (table: TableState, filters: Filters) => ({ page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });

function useList<T>(kind: string, query: object, fetch: () => Promise<T>, enabled = true) {
  return useQuery({ queryKey: [ROOT, kind, 'list', query], enabled, queryFn: fetch, placeholderData: keepPreviousData });
}

function useOne<T>(kind: string, id: string | undefined, fetch: (id: string) => Promise<T>) {
  return useQuery({ queryKey: [ROOT, kind, 'one', id], enabled: id !== undefined, queryFn: () => fetch(id ?? '') });
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

export function useVulnerabilities(table: TableState, filters: Filters) {
  const query = urlQuery(API.listVulnerabilities, listQuery(table, filters));
  return useList('vulnerabilities', query, () => call(API.listVulnerabilities, { query }));
}
export const useVulnerability = (id: string | undefined) =>
  useOne('vulnerabilities', id, (one) => call(API.getVulnerability, { params: { id: one } }));

/** Vulnerabilities for a picker: the first 20 matching the text. */
export function useVulnerabilityOptions(q: string) {
  return useQuery({
    queryKey: [ROOT, 'vulnerabilities', 'options', q],
    queryFn: async () => (await call(API.listVulnerabilities, { query: { q, pageSize: 20 } })).items,
    placeholderData: keepPreviousData,
  });
}

export const useAdvisory = (id: string | undefined) => useOne('advisories', id, (one) => call(API.getAdvisory, { params: { id: one } }));

export function useAdvisories(table: TableState, filters: Filters) {
  const query = urlQuery(API.listAdvisories, listQuery(table, filters));
  return useList('advisories', query, () => call(API.listAdvisories, { query }));
}

export const useManualRecord = () => useWrite((body: ManualVulnerabilityInput) => call(API.createManualRecord, { body }));

/**
 * POSTs every file as its own part of one multipart request (the directory import, which the
 * one-file `upload` cannot send) and answers the job's id. The CSRF token is the session's.
 */
export async function postCsafDirectory(files: File[], csrfToken: string | undefined): Promise<string> {
  const body = new FormData();
  for (const f of files) body.append('files', f, f.webkitRelativePath || f.name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(urlOf(API.importCsafDirectory), { method: 'POST', headers, credentials: 'same-origin', body });
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
  useQuery({ queryKey: [ROOT, 'aliases'], enabled, queryFn: () => call(API.listVendorAliases) });
export const useSaveAlias = () =>
  useWrite((input: { id?: string; version?: number; body: VendorAliasInput }) =>
    // An alias being edited always has both its id and its version.
    input.id && input.version !== undefined
      ? call(API.updateVendorAlias, { params: { id: input.id }, body: { ...input.body, version: input.version } })
      : call(API.createVendorAlias, { body: input.body }),
  );
export const useDeleteAlias = () => useWrite((id: string) => call(API.deleteVendorAlias, { params: { id } }));

// ---------------------------------------------------------------- assets

export function useAssets(table: TableState, filters: Filters) {
  const query = urlQuery(API.listAssets, listQuery(table, filters));
  return useList('assets', query, () => call(API.listAssets, { query }));
}
export const useSaveAsset = () =>
  useWrite((input: { id: string; body: UpdateAsset } | { id?: undefined; body: AssetInput }) =>
    input.id === undefined
      ? call(API.createAsset, { body: input.body })
      : call(API.updateAsset, { params: { id: input.id }, body: input.body }),
  );
export const useDeleteAsset = () => useWrite((id: string) => call(API.deleteAsset, { params: { id } }));

// ---------------------------------------------------------------- matches

export function useMatches(table: TableState, filters: Filters) {
  const query = urlQuery(API.listMatches, listQuery(table, filters));
  return useList('matches', query, () => call(API.listMatches, { query }));
}
export const useReviewMatch = () =>
  useWrite((input: { id: string; body: MatchReview }) => call(API.reviewMatch, { params: { id: input.id }, body: input.body }));
export const useRematch = () => useWrite((_: undefined) => call(API.startRematch));

// ---------------------------------------------------------------- findings

export function useFindings(table: TableState, filters: Filters) {
  const query = urlQuery(API.listFindings, listQuery(table, filters));
  return useList('findings', query, () => call(API.listFindings, { query }));
}
export const useFinding = (id: string | undefined) => useOne('findings', id, (one) => call(API.getFinding, { params: { id: one } }));
export const useTransition = () =>
  useWrite((input: { id: string; body: FindingTransition }) => call(API.transitionFinding, { params: { id: input.id }, body: input.body }));

export const useSlaPolicy = (enabled: boolean) => useQuery({ queryKey: [ROOT, 'sla'], enabled, queryFn: () => call(API.getSlaPolicy) });
/** Saves the SLA days (the caller refreshes the module once the dialog closes). */
export const saveSlaPolicy = (body: SlaPolicy) => call(API.updateSlaPolicy, { body });

const SCAN_PAGE = { page: 1, pageSize: 10 };
export const useScans = (enabled: boolean) => useList('scans', SCAN_PAGE, () => call(API.listScans, { query: SCAN_PAGE }), enabled);

// ---------------------------------------------------------------- notices

export function useNotices(table: TableState, filters: Filters) {
  const query = urlQuery(API.listNotices, listQuery(table, filters));
  return useList('notices', query, () => call(API.listNotices, { query }));
}
export const useNotice = (id: string | undefined) => useOne('notices', id, (one) => call(API.getNotice, { params: { id: one } }));
export const useSaveNotice = () =>
  useWrite((input: { id: string; body: UpdateNotice } | { id?: undefined; body: NoticeInput }) =>
    input.id === undefined
      ? call(API.createNotice, { body: input.body })
      : call(API.updateNotice, { params: { id: input.id }, body: input.body }),
  );
export const usePublishNotice = () =>
  useWrite((n: { id: string; version: number }) => call(API.publishNotice, { params: { id: n.id }, body: { version: n.version } }));
export const useAcknowledgeNotice = () => useWrite((id: string) => call(API.acknowledgeNotice, { params: { id } }));
export const useRespondNotice = () =>
  useWrite((input: { id: string; body: NoticeResponse }) => call(API.respondToNotice, { params: { id: input.id }, body: input.body }));

/** Where the browser opens (HTML) or downloads (PDF) a notice's document. */
export const noticeDocumentUrl = (id: string, format: 'html' | 'pdf') =>
  urlOf(API.downloadNoticeDocument, { params: { id }, query: { format } });

// ---------------------------------------------------------------- statistics

export const useStats = (months: number) =>
  useQuery({
    queryKey: [ROOT, 'stats', months],
    queryFn: () => call(API.getSecurityStats, { query: { months } }),
    placeholderData: keepPreviousData,
  });
