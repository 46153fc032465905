import {
  API,
  type CreateFundApplication,
  type DecideFundAward,
  type FundApplicationState,
  type FundProgrammeInput,
  type FundTransition,
  type RecordFundObjection,
  type RecordFundTranche,
  type ResolveFundObjection,
  type UpdateFundApplication,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export interface FundApplicationFilters {
  q?: string;
  state?: FundApplicationState;
  programmeId?: string;
}

export function useFundProgrammes(table: Pick<TableState, 'page' | 'pageSize'>) {
  const query = urlQuery(API.listFundProgrammes, { page: table.page, pageSize: table.pageSize });
  return useQuery({
    queryKey: ['funds', 'programmes', query],
    queryFn: () => call(API.listFundProgrammes, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useFundApplications(table: TableState, filters: FundApplicationFilters) {
  const query = urlQuery(API.listFundApplications, { page: table.page, pageSize: table.pageSize, ...filters });
  return useQuery({
    queryKey: ['funds', 'applications', query],
    queryFn: () => call(API.listFundApplications, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useFundApplication(id: string) {
  return useQuery({ queryKey: ['funds', 'application', id], queryFn: () => call(API.getFundApplication, { params: { id } }) });
}

/** The enterprise's own projects, to apply with. */
export function useOwnProjects(enabled: boolean) {
  const query = urlQuery(API.listProjects, { page: 1, pageSize: 200 });
  return useQuery({ queryKey: ['funds', 'projects'], queryFn: () => call(API.listProjects, { query }), enabled });
}

function useFundMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['funds'] }) });
}

export const useSaveProgramme = () =>
  useFundMutation(({ id, version, body }: { id?: string; version?: number; body: FundProgrammeInput }) =>
    id && version
      ? call(API.updateFundProgramme, { params: { id }, body: { version, programme: body } })
      : call(API.createFundProgramme, { body }),
  );

export const useCreateApplication = () => useFundMutation((body: CreateFundApplication) => call(API.createFundApplication, { body }));
export const useUpdateApplication = () =>
  useFundMutation(({ id, body }: { id: string; body: UpdateFundApplication }) => call(API.updateFundApplication, { params: { id }, body }));
export const useTransition = (id: string) =>
  useFundMutation((body: FundTransition) => call(API.transitionFundApplication, { params: { id }, body }));
export const useObject = (id: string) =>
  useFundMutation((body: RecordFundObjection) => call(API.recordFundObjection, { params: { id }, body }));
export const useResolveObjection = (id: string) =>
  useFundMutation(({ objectionId, body }: { objectionId: string; body: ResolveFundObjection }) =>
    call(API.resolveFundObjection, { params: { id, objectionId }, body }),
  );
export const useDecide = (id: string) => useFundMutation((body: DecideFundAward) => call(API.decideFundAward, { params: { id }, body }));
export const useTranche = (id: string) =>
  useFundMutation((body: RecordFundTranche) => call(API.recordFundTranche, { params: { id }, body }));
