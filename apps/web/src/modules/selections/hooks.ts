import {
  API,
  type ApplyInput,
  type CaseInput,
  type CreateRound,
  type Round,
  type RoundTransition,
  type ScoreInput,
  type UpdateRound,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlOf, urlQuery } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

/** Where the browser fetches a stored file (attachments, case images); the session cookie authorises it. */
export const storedFileUrl = (id: string) => urlOf(API.downloadFile, { params: { id } });

export const ROUND_FILTER_KEYS = ['kind', 'stage', 'year'] as const;
export type RoundFilters = Partial<Record<(typeof ROUND_FILTER_KEYS)[number], string>>;

export function useRounds(table: TableState, filters: RoundFilters) {
  const query = { page: table.page, pageSize: table.pageSize, ...filters };
  return useQuery({
    queryKey: ['selections', 'list', query],
    queryFn: () => call(API.listSelectionRounds, { query: urlQuery(API.listSelectionRounds, query) }),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getSelectionRound, { params: { id: id as string } }),
  });
}

export function useApplications(roundId: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'applications', roundId],
    enabled: roundId !== undefined,
    queryFn: () => call(API.listSelectionApplications, { params: { id: roundId as string } }),
  });
}

export function useApplication(roundId: string | undefined, applicationId: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'application', roundId, applicationId],
    enabled: roundId !== undefined && applicationId !== undefined,
    queryFn: () => call(API.getSelectionApplication, { params: { id: roundId as string, applicationId: applicationId as string } }),
  });
}

/** Submitted scores: all for organisers; an expert's own until the round closes. */
export function useScores(roundId: string, applicationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['selections', 'scores', roundId, applicationId],
    enabled,
    queryFn: () => call(API.listSelectionScores, { params: { id: roundId, applicationId } }),
  });
}

/** For an expert's list: their own total per application (undefined while loading, null when not scored yet). */
export function useOwnTotals(roundId: string, applicationIds: string[], expertId: string, enabled: boolean) {
  return useQueries({
    queries: applicationIds.map((applicationId) => ({
      queryKey: ['selections', 'scores', roundId, applicationId],
      enabled,
      queryFn: () => call(API.listSelectionScores, { params: { id: roundId, applicationId } }),
    })),
    combine: (results) =>
      new Map(
        applicationIds.map((id, i) => {
          const data = results[i]?.data;
          return [id, data === undefined ? undefined : (data.find((s) => s.expertId === expertId)?.total ?? null)] as const;
        }),
      ),
  });
}

export function useObjections(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['selections', 'objections', roundId],
    enabled,
    queryFn: () => call(API.listSelectionObjections, { params: { id: roundId } }),
  });
}

/** The expert pool (organisers only). */
export function useExperts(enabled = true) {
  return useQuery({
    queryKey: ['selections', 'experts'],
    enabled,
    queryFn: () => call(API.listSelectionExperts),
    staleTime: 30_000,
  });
}

/** The applicant's own factories or projects, to apply with (enterprise users see only their own). */
export function useOwnSubjects(subjectType: Round['subjectType'], enterpriseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['selections', 'subjects', subjectType, enterpriseId],
    enabled,
    queryFn: async () => {
      const query = { enterpriseId, pageSize: 200 };
      if (subjectType === 'factory') {
        const page = await call(API.listFactories, { query: { ...query, sort: 'name' } });
        return page.items.map((f) => ({ id: f.id, name: f.name }));
      }
      const page = await call(API.listProjects, { query });
      return page.items.map((p) => ({ id: p.id, name: p.title, code: p.code }));
    },
  });
}

export function usePublishedCases() {
  return useQuery({
    queryKey: ['cases', 'list'],
    queryFn: () => call(API.listPublishedCases),
  });
}

/** A case page; `null` when the application has none yet (404). */
export function useCase(applicationId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['cases', 'one', applicationId],
    enabled: enabled && applicationId !== undefined,
    queryFn: async () => {
      try {
        return await call(API.getSelectionCase, { params: { id: applicationId as string } });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['selections'] });
}

export function useSaveRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateRound } | { id?: undefined; body: CreateRound }) =>
      input.id === undefined
        ? call(API.createSelectionRound, { body: input.body })
        : call(API.updateSelectionRound, { params: { id: input.id }, body: input.body }),
    onSettled: () => invalidate(),
  });
}

export function useTransitionRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RoundTransition }) => call(API.transitionSelectionRound, { params: { id }, body }),
    onSettled: () => invalidate(),
  });
}

export function useApply() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ roundId, body }: { roundId: string; body: ApplyInput }) =>
      call(API.applyToSelectionRound, { params: { id: roundId }, body }),
    onSuccess: () => invalidate(),
  });
}

type AppRef = { roundId: string; applicationId: string };
/** An application's path parameters in the catalogue (`:id` is the round). */
const appParams = ({ roundId, applicationId }: AppRef) => ({ id: roundId, applicationId });

export function useRecommend() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ body, ...ref }: AppRef & { body: { recommended: boolean; comment?: string } }) =>
      call(API.recommendSelectionApplication, { params: appParams(ref), body }),
    onSettled: () => invalidate(),
  });
}

export function useAssign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ expertIds, ...ref }: AppRef & { expertIds: string[] }) =>
      call(API.assignSelectionExperts, { params: appParams(ref), body: { expertIds } }),
    onSuccess: () => invalidate(),
  });
}

/** The experts assigned to an application and whether they have scored (organisers). */
export function useAssignments(ref: AppRef, enabled: boolean) {
  return useQuery({
    queryKey: ['selections', 'assignments', ref.roundId, ref.applicationId],
    enabled,
    queryFn: () => call(API.listSelectionAssignments, { params: appParams(ref) }),
  });
}

export function useUnassign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ expertId, ...ref }: AppRef & { expertId: string }) =>
      call(API.unassignSelectionExpert, { params: { ...appParams(ref), expertId } }),
    onSettled: () => invalidate(),
  });
}

export function useSubmitScore() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ body, ...ref }: AppRef & { body: ScoreInput }) => call(API.scoreSelectionApplication, { params: appParams(ref), body }),
    onSuccess: () => invalidate(),
  });
}

/** The score history of an application (organisers: every expert's; an expert: their own). */
export function useScoreHistory(ref: AppRef, enabled: boolean) {
  return useQuery({
    queryKey: ['selections', 'score-history', ref.roundId, ref.applicationId],
    enabled,
    queryFn: () => call(API.listSelectionScoreHistory, { params: appParams(ref) }),
  });
}

export function useReopenScore() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ expertId, reason, ...ref }: AppRef & { expertId: string; reason: string }) =>
      call(API.reopenSelectionScore, { params: { ...appParams(ref), expertId }, body: { reason } }),
    onSuccess: () => invalidate(),
  });
}

/** 回避申明 by the signed-in expert. */
export function useDeclareConflict() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ reason, ...ref }: AppRef & { reason: string }) =>
      call(API.declareSelectionConflict, { params: appParams(ref), body: { reason } }),
    onSuccess: () => invalidate(),
  });
}

/** The conflicts experts declared in a round (organisers). */
export function useConflictDeclarations(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['selections', 'declarations', roundId],
    enabled,
    queryFn: () => call(API.listSelectionConflictDeclarations, { params: { id: roundId } }),
  });
}

export function useObject() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ content, ...ref }: AppRef & { content: string }) =>
      call(API.objectToSelectionApplication, { params: appParams(ref), body: { content } }),
    onSuccess: () => invalidate(),
  });
}

export function useResolveObjection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ roundId, objectionId, body }: { roundId: string; objectionId: string; body: { upheld: boolean; resolution: string } }) =>
      call(API.resolveSelectionObjection, { params: { id: roundId, objectionId }, body }),
    onSettled: () => invalidate(),
  });
}

export function useSetExpertProfile() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      userId,
      body,
    }: {
      userId: string;
      body: { affiliationOrgId: string | null; districtId: string | null; specialties: string | null };
    }) => call(API.setSelectionExpertProfile, { params: { id: userId }, body }),
    onSuccess: () => invalidate(),
  });
}

export function useSaveCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, ...ref }: AppRef & { body: CaseInput }) => call(API.saveSelectionCase, { params: appParams(ref), body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}
