import { API, type CreateWhitePaper, type WhitePaperChapter, type WhitePaperState } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlOf } from '../../api/endpoints';

const KEY = ['white-papers'] as const;

/** Editions in every state (city staff, auditors). */
export function useWhitePapers(query: { page: number; pageSize: number; state?: WhitePaperState | undefined }) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => call(API.listWhitePapers, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useWhitePaper(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => call(API.getWhitePaper, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** Published editions on the portal (anonymous). */
export function usePublishedWhitePapers() {
  return useQuery({ queryKey: [...KEY, 'public'], queryFn: () => call(API.listPublishedWhitePapers) });
}

export function usePublishedWhitePaper(slug: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'public', slug],
    queryFn: () => call(API.getPublishedWhitePaper, { params: { slug: slug ?? '' } }),
    enabled: Boolean(slug),
  });
}

function useEditionMutation<V>(run: (vars: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export function useCreateWhitePaper() {
  return useEditionMutation((body: CreateWhitePaper) => call(API.createWhitePaper, { body }));
}

export function useSaveCommentary(id: string) {
  return useEditionMutation((v: { chapter: WhitePaperChapter; commentary: string; version: number }) =>
    call(API.updateWhitePaperChapter, { params: { id, chapter: v.chapter }, body: { commentary: v.commentary, version: v.version } }),
  );
}

/** The workflow steps without a body: refresh the snapshot, submit, publish. */
export function useEditionStep(id: string) {
  return useEditionMutation((step: 'refresh' | 'submit' | 'publish') => {
    const endpoint = { refresh: API.refreshWhitePaper, submit: API.submitWhitePaper, publish: API.publishWhitePaper }[step];
    return call(endpoint, { params: { id } });
  });
}

export function useReturnWhitePaper(id: string) {
  return useEditionMutation((comment: string) => call(API.returnWhitePaper, { params: { id }, body: { comment } }));
}

export const editionHtmlUrl = (id: string) => urlOf(API.getWhitePaperHtml, { params: { id } });
export const publishedHtmlUrl = (slug: string) => urlOf(API.getPublishedWhitePaperHtml, { params: { slug } });
export const publishedPdfUrl = (slug: string) => urlOf(API.downloadPublishedWhitePaperPdf, { params: { slug } });
