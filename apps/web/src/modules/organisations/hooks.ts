import { API, type CreateOrganisation, type OrganisationNode, type OrgKind, type UpdateOrganisation } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export interface OrgFilters {
  q?: string;
  kind?: OrgKind;
  districtId?: string;
}

/** The organisation tree visible to the user (roots with nested children). */
export function useOrgTree() {
  return useQuery({
    queryKey: ['organisations', 'tree'],
    queryFn: () => call(API.getOrganisationTree),
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ['organisations', 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getOrganisation, { params: { id: id ?? '' } }),
  });
}

export function useOrgList(table: TableState, filters: OrgFilters) {
  const query = urlQuery(API.listOrganisations, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['organisations', 'list', query],
    queryFn: () => call(API.listOrganisations, { query }),
    placeholderData: keepPreviousData,
  });
}

export { useDistricts } from '../../shared/districts';

export function useCreateOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisation) => call(API.createOrganisation, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useUpdateOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrganisation }) => call(API.updateOrganisation, { params: { id }, body }),
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
