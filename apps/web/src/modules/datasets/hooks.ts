import { API, type DatasetAccessLevel, type DatasetRowsQuery, type DatasetTheme } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, upload, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export interface DatasetFilters {
  q?: string;
  theme?: DatasetTheme;
  accessLevel?: DatasetAccessLevel;
}

export function useDatasets(table: TableState, filters: DatasetFilters) {
  const query = urlQuery(API.listDatasets, { page: table.page, pageSize: table.pageSize, ...filters });
  return useQuery({
    queryKey: ['datasets', 'list', query],
    queryFn: () => call(API.listDatasets, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useDataset(id: string) {
  return useQuery({ queryKey: ['datasets', 'one', id], queryFn: () => call(API.getDataset, { params: { id } }) });
}

/** Rows of a dataset: the preview (no filter) or an exploration (filter, group, sum). */
export function useDatasetRows(id: string, query: Partial<DatasetRowsQuery>, enabled = true) {
  return useQuery({
    queryKey: ['datasets', 'rows', id, query],
    queryFn: () => call(API.listDatasetRows, { params: { id }, query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegenerate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(API.regenerateDatasetDistributions, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['datasets'] }),
  });
}

export function useUploadTable(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload(API.uploadDatasetTable, file, file.name, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['datasets'] }),
  });
}

export function usePublicDatasets(q: string | undefined) {
  return useQuery({
    queryKey: ['datasets', 'public', q],
    queryFn: () => call(API.listPublicDatasets, { query: { pageSize: 200, q } }),
  });
}
