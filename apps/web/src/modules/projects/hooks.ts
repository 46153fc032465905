import {
  API,
  type CreateProject,
  PROJECT_STATES,
  type ProjectState,
  type ProjectTransitionInput,
  type UpdateProject,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export const PROJECT_FILTER_KEYS = ['status', 'q', 'districtId', 'enterpriseId', 'scenario', 'clusterCode', 'year'] as const;
export type ProjectFilters = Partial<Record<(typeof PROJECT_FILTER_KEYS)[number], string>>;

export function useProjects(table: TableState, filters: ProjectFilters, enabled = true) {
  const query = urlQuery(API.listProjects, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['projects', 'list', query],
    enabled,
    queryFn: () => call(API.listProjects, { query }),
    placeholderData: keepPreviousData,
  });
}

/** How many projects match the filters in each state (one `pageSize=1` query per state; the totals only). */
export function useProjectCounts(filters: Omit<ProjectFilters, 'status'>) {
  return useQueries({
    queries: PROJECT_STATES.map((status) => {
      const query = urlQuery(API.listProjects, { ...filters, status, page: 1, pageSize: 1 });
      return {
        queryKey: ['projects', 'count', query],
        queryFn: async () => (await call(API.listProjects, { query })).total,
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
    queryFn: () => call(API.getProject, { params: { id: id ?? '' } }),
  });
}

export function useProjectEvents(id: string | undefined) {
  return useQuery({
    queryKey: ['projects', 'events', id],
    enabled: id !== undefined,
    queryFn: () => call(API.listProjectEvents, { params: { id: id ?? '' } }),
  });
}

function useInvalidateProjects() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['projects'] });
}

export function useCreateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (body: CreateProject) => call(API.createProject, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProject }) => call(API.updateProject, { params: { id }, body }),
    onSettled: () => invalidate(),
  });
}

export function useTransitionProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProjectTransitionInput }) => call(API.transitionProject, { params: { id }, body }),
    // A refused action may still mean the copy was stale: reload either way.
    onSettled: () => invalidate(),
  });
}
