import {
  API,
  type CreateDemand,
  type CreateLead,
  type CreateSolution,
  type LeadFollowUp,
  type SolutionTransitionInput,
  type UpdateDemand,
  type UpdateSolution,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export const SOLUTION_FILTER_KEYS = ['q', 'state', 'industry', 'scenario'] as const;
export type SolutionFilters = Partial<Record<(typeof SOLUTION_FILTER_KEYS)[number], string>>;
export const DEMAND_FILTER_KEYS = ['q', 'state', 'scenario'] as const;
export type DemandFilters = Partial<Record<(typeof DEMAND_FILTER_KEYS)[number], string>>;
export const LEAD_FILTER_KEYS = ['q', 'status'] as const;
export type LeadFilters = Partial<Record<(typeof LEAD_FILTER_KEYS)[number], string>>;

function useInvalidate(...keys: string[]) {
  const client = useQueryClient();
  return () => Promise.all(keys.map((key) => client.invalidateQueries({ queryKey: [key] })));
}

export function useSolutions(table: TableState, filters: SolutionFilters) {
  const query = urlQuery(API.listSolutions, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['solutions', 'list', query],
    queryFn: () => call(API.listSolutions, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useSolution(id: string | undefined) {
  return useQuery({
    queryKey: ['solutions', 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getSolution, { params: { id: id ?? '' } }),
  });
}

export function useSaveSolution() {
  const invalidate = useInvalidate('solutions');
  return useMutation({
    mutationFn: (input: { kind: 'update'; id: string; body: UpdateSolution } | { kind: 'create'; body: CreateSolution }) =>
      input.kind === 'update'
        ? call(API.updateSolution, { params: { id: input.id }, body: input.body })
        : call(API.createSolution, { body: input.body }),
    onSettled: () => invalidate(),
  });
}

export function useTransitionSolution() {
  const invalidate = useInvalidate('solutions', 'workbench');
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SolutionTransitionInput }) => call(API.transitionSolution, { params: { id }, body }),
    onSettled: () => invalidate(),
  });
}

export function useDemands(table: TableState, filters: DemandFilters) {
  const query = urlQuery(API.listDemands, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['demands', 'list', query],
    queryFn: () => call(API.listDemands, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: ['demands', 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getDemand, { params: { id: id ?? '' } }),
  });
}

export function useDemandMatches(id: string | undefined) {
  return useQuery({
    queryKey: ['demands', 'matches', id],
    enabled: id !== undefined,
    queryFn: () => call(API.listDemandMatches, { params: { id: id ?? '' }, query: { limit: 10 } }),
  });
}

export function useSaveDemand() {
  const invalidate = useInvalidate('demands');
  return useMutation({
    mutationFn: (input: { kind: 'update'; id: string; body: UpdateDemand } | { kind: 'create'; body: CreateDemand }) =>
      input.kind === 'update'
        ? call(API.updateDemand, { params: { id: input.id }, body: input.body })
        : call(API.createDemand, { body: input.body }),
    onSettled: () => invalidate(),
  });
}

export function useProviderMatches(enabled: boolean) {
  return useQuery({
    queryKey: ['demands', 'provider-matches'],
    enabled,
    queryFn: () => call(API.listProviderMatches, { query: { limit: 10 } }),
  });
}

export function useLeads(table: TableState, filters: LeadFilters) {
  const query = urlQuery(API.listLeads, { page: table.page, pageSize: table.pageSize, ...filters });
  return useQuery({
    queryKey: ['leads', 'list', query],
    queryFn: () => call(API.listLeads, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string | undefined) {
  return useQuery({
    queryKey: ['leads', 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getLead, { params: { id: id ?? '' } }),
  });
}

export function useCreateLead() {
  const invalidate = useInvalidate('leads', 'demands');
  return useMutation({
    mutationFn: (body: CreateLead) => call(API.createLead, { body }),
    onSettled: () => invalidate(),
  });
}

export function useFollowUpLead() {
  const invalidate = useInvalidate('leads', 'demands');
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LeadFollowUp }) => call(API.followUpLead, { params: { id }, body }),
    onSettled: () => invalidate(),
  });
}
