import {
  type CreateProject,
  PROJECT_STATES,
  type Project,
  type ProjectEvent,
  ProjectEventSchema,
  ProjectSchema,
  type ProjectState,
  type ProjectTransitionInput,
  pageOf,
  type UpdateProject,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

const ProjectPageSchema = pageOf(ProjectSchema);
const EventsSchema = ProjectEventSchema.array();

export const PROJECT_FILTER_KEYS = ['status', 'q', 'districtId', 'enterpriseId', 'scenario', 'clusterCode', 'year'] as const;
export type ProjectFilters = Partial<Record<(typeof PROJECT_FILTER_KEYS)[number], string>>;

export function useProjects(table: TableState, filters: ProjectFilters, enabled = true) {
  const query = { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters };
  return useQuery({
    queryKey: ['projects', 'list', query],
    enabled,
    queryFn: () => api.get<Page<Project>>('/projects', { query, check: ProjectPageSchema }),
    placeholderData: keepPreviousData,
  });
}

/** How many projects match the filters in each state (one `pageSize=1` query per state; the totals only). */
export function useProjectCounts(filters: Omit<ProjectFilters, 'status'>) {
  return useQueries({
    queries: PROJECT_STATES.map((status) => {
      const query = { ...filters, status, page: 1, pageSize: 1 };
      return {
        queryKey: ['projects', 'count', query],
        queryFn: async () => (await api.get<Page<Project>>('/projects', { query, check: ProjectPageSchema })).total,
        placeholderData: keepPreviousData,
      };
    }),
    combine: (results) => {
      const counts = {} as Partial<Record<ProjectState, number>>;
      PROJECT_STATES.forEach((state, i) => {
        const value = results[i]?.data;
        if (value !== undefined) counts[state] = value;
      });
      return { counts, loading: results.some((r) => r.isPending) };
    },
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: ['projects', 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Project>(`/projects/${id}`, { check: ProjectSchema }),
  });
}

export function useProjectEvents(id: string | undefined) {
  return useQuery({
    queryKey: ['projects', 'events', id],
    enabled: id !== undefined,
    queryFn: () => api.get<ProjectEvent[]>(`/projects/${id}/events`, { check: EventsSchema }),
  });
}

function useInvalidateProjects() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['projects'] });
}

export function useCreateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (body: CreateProject) => api.post<Project>('/projects', body, { check: ProjectSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProject }) =>
      api.patch<Project>(`/projects/${id}`, body, { check: ProjectSchema }),
    onSettled: () => invalidate(),
  });
}

export function useTransitionProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProjectTransitionInput }) =>
      api.post<Project>(`/projects/${id}/transitions`, body, { check: ProjectSchema }),
    // A refused action may still mean the copy was stale: reload either way.
    onSettled: () => invalidate(),
  });
}
