import {
  type CreateOrganisation,
  type Organisation,
  type OrganisationNode,
  OrganisationNodeSchema,
  OrganisationSchema,
  type OrgKind,
  pageOf,
  type UpdateOrganisation,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

const OrgPageSchema = pageOf(OrganisationSchema);
const OrgTreeSchema = OrganisationNodeSchema.array();

export interface OrgFilters {
  q?: string;
  kind?: OrgKind;
  districtId?: string;
}

/** The organisation tree visible to the user (roots with nested children). */
export function useOrgTree() {
  return useQuery({
    queryKey: ['organisations', 'tree'],
    queryFn: () => api.get<OrganisationNode[]>('/organisations/tree', { check: OrgTreeSchema }),
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ['organisations', 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Organisation>(`/organisations/${id}`, { check: OrganisationSchema }),
  });
}

export function useOrgList(table: TableState, filters: OrgFilters) {
  const query = { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters };
  return useQuery({
    queryKey: ['organisations', 'list', query],
    queryFn: () => api.get<Page<Organisation>>('/organisations', { query, check: OrgPageSchema }),
    placeholderData: keepPreviousData,
  });
}

export { useDistricts } from '../../shared/districts';

export function useCreateOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisation) => api.post<Organisation>('/organisations', body, { check: OrganisationSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useUpdateOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrganisation }) =>
      api.patch<Organisation>(`/organisations/${id}`, body, { check: OrganisationSchema }),
    // On success and on STALE_VERSION alike the cached copies are out of date.
    onSettled: () => client.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

/** Finds a node by id anywhere in the tree. */
export function findNode(nodes: readonly OrganisationNode[], id: string): OrganisationNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}
