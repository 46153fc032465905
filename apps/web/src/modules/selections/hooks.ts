import {
  type Application,
  ApplicationSchema,
  type ApplyInput,
  type Assignment,
  AssignmentSchema,
  type Case,
  type CaseInput,
  CaseSchema,
  type CreateRound,
  type Expert,
  ExpertSchema,
  type Factory,
  FactorySchema,
  type Objection,
  ObjectionSchema,
  type Project,
  ProjectSchema,
  pageOf,
  type Round,
  RoundSchema,
  type RoundTransition,
  type Score,
  type ScoreInput,
  ScoreSchema,
  type UpdateRound,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type Page } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

const RoundPageSchema = pageOf(RoundSchema);
const ApplicationsSchema = ApplicationSchema.array();
const ScoresSchema = ScoreSchema.array();
const ObjectionsSchema = ObjectionSchema.array();
const ExpertsSchema = ExpertSchema.array();
const CasesSchema = CaseSchema.array();
const AssignmentsSchema = AssignmentSchema.array();

export const ROUND_FILTER_KEYS = ['kind', 'stage', 'year'] as const;
export type RoundFilters = Partial<Record<(typeof ROUND_FILTER_KEYS)[number], string>>;

export function useRounds(table: TableState, filters: RoundFilters) {
  const query = { page: table.page, pageSize: table.pageSize, ...filters };
  return useQuery({
    queryKey: ['selections', 'list', query],
    queryFn: () => api.get<Page<Round>>('/selections', { query, check: RoundPageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Round>(`/selections/${id}`, { check: RoundSchema }),
  });
}

export function useApplications(roundId: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'applications', roundId],
    enabled: roundId !== undefined,
    queryFn: () => api.get<Application[]>(`/selections/${roundId}/applications`, { check: ApplicationsSchema }),
  });
}

export function useApplication(roundId: string | undefined, applicationId: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'application', roundId, applicationId],
    enabled: roundId !== undefined && applicationId !== undefined,
    queryFn: () => api.get<Application>(`/selections/${roundId}/applications/${applicationId}`, { check: ApplicationSchema }),
  });
}

/** Submitted scores: all for organisers; an expert's own until the round closes. */
export function useScores(roundId: string, applicationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['selections', 'scores', roundId, applicationId],
    enabled,
    queryFn: () => api.get<Score[]>(`/selections/${roundId}/applications/${applicationId}/scores`, { check: ScoresSchema }),
  });
}

/** For an expert's list: their own total per application (undefined while loading, null when not scored yet). */
export function useOwnTotals(roundId: string, applicationIds: string[], expertId: string, enabled: boolean) {
  return useQueries({
    queries: applicationIds.map((applicationId) => ({
      queryKey: ['selections', 'scores', roundId, applicationId],
      enabled,
      queryFn: () => api.get<Score[]>(`/selections/${roundId}/applications/${applicationId}/scores`, { check: ScoresSchema }),
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
    queryFn: () => api.get<Objection[]>(`/selections/${roundId}/objections`, { check: ObjectionsSchema }),
  });
}

/** The expert pool (organisers only). */
export function useExperts(enabled = true) {
  return useQuery({
    queryKey: ['selections', 'experts'],
    enabled,
    queryFn: () => api.get<Expert[]>('/selections/experts', { check: ExpertsSchema }),
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
        const page = await api.get<Page<Factory>>('/factories', { query: { ...query, sort: 'name' }, check: pageOf(FactorySchema) });
        return page.items.map((f) => ({ id: f.id, name: f.name }));
      }
      const page = await api.get<Page<Project>>('/projects', { query, check: pageOf(ProjectSchema) });
      return page.items.map((p) => ({ id: p.id, name: p.title, code: p.code }));
    },
  });
}

export function usePublishedCases() {
  return useQuery({
    queryKey: ['cases', 'list'],
    queryFn: () => api.get<Case[]>('/cases', { check: CasesSchema }),
  });
}

/** A case page; `null` when the application has none yet (404). */
export function useCase(applicationId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['cases', 'one', applicationId],
    enabled: enabled && applicationId !== undefined,
    queryFn: async () => {
      try {
        return await api.get<Case>(`/cases/${applicationId}`, { check: CaseSchema });
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
      input.id
        ? api.patch<Round>(`/selections/${input.id}`, input.body, { check: RoundSchema })
        : api.post<Round>('/selections', input.body, { check: RoundSchema }),
    onSettled: () => invalidate(),
  });
}

export function useTransitionRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RoundTransition }) =>
      api.post<Round>(`/selections/${id}/transitions`, body, { check: RoundSchema }),
    onSettled: () => invalidate(),
  });
}

export function useApply() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ roundId, body }: { roundId: string; body: ApplyInput }) =>
      api.post<Application>(`/selections/${roundId}/applications`, body, { check: ApplicationSchema }),
    onSuccess: () => invalidate(),
  });
}

type AppRef = { roundId: string; applicationId: string };
const appPath = ({ roundId, applicationId }: AppRef) => `/selections/${roundId}/applications/${applicationId}`;

export function useRecommend() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ body, ...ref }: AppRef & { body: { recommended: boolean; comment?: string } }) =>
      api.post<Application>(`${appPath(ref)}/recommendation`, body, { check: ApplicationSchema }),
    onSettled: () => invalidate(),
  });
}

export function useAssign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ expertIds, ...ref }: AppRef & { expertIds: string[] }) =>
      api.post<Application>(`${appPath(ref)}/assignments`, { expertIds }, { check: ApplicationSchema }),
    onSuccess: () => invalidate(),
  });
}

/** The experts assigned to an application and whether they have scored (organisers). */
export function useAssignments(ref: AppRef, enabled: boolean) {
  return useQuery({
    queryKey: ['selections', 'assignments', ref.roundId, ref.applicationId],
    enabled,
    queryFn: () => api.get<Assignment[]>(`${appPath(ref)}/assignments`, { check: AssignmentsSchema }),
  });
}

export function useUnassign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ expertId, ...ref }: AppRef & { expertId: string }) =>
      api.delete<Application>(`${appPath(ref)}/assignments/${expertId}`, { check: ApplicationSchema }),
    onSettled: () => invalidate(),
  });
}

export function useSubmitScore() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ body, ...ref }: AppRef & { body: ScoreInput }) => api.put<Score>(`${appPath(ref)}/score`, body, { check: ScoreSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useObject() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ content, ...ref }: AppRef & { content: string }) =>
      api.post<Objection>(`${appPath(ref)}/objections`, { content }, { check: ObjectionSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useResolveObjection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ roundId, objectionId, body }: { roundId: string; objectionId: string; body: { upheld: boolean; resolution: string } }) =>
      api.post<Objection>(`/selections/${roundId}/objections/${objectionId}/resolution`, body, { check: ObjectionSchema }),
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
    }) => api.put<Expert>(`/selections/experts/${userId}`, body, { check: ExpertSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useSaveCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, ...ref }: AppRef & { body: CaseInput }) => api.put<Case>(`${appPath(ref)}/case`, body, { check: CaseSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}
