import {
  API,
  type ConfirmRecord,
  type CreateNetwork,
  type NetworkTransition,
  type RegisterDevice,
  type ReturnRecord,
  type UpdateNetwork,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export const NETWORK_FILTER_KEYS = ['q', 'districtId', 'operatorId', 'enterpriseId', 'state', 'mode', 'confirmation'] as const;
export type NetworkFilters = Partial<Record<(typeof NETWORK_FILTER_KEYS)[number], string>>;

export function useNetworks(table: TableState, filters: NetworkFilters) {
  const query = urlQuery(API.listNetworks, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['networks', 'list', query],
    queryFn: () => call(API.listNetworks, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useNetwork(id: string | undefined) {
  return useQuery({
    queryKey: ['networks', 'one', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getNetwork, { params: { id: id ?? '' } }),
  });
}

export function useEdgeNodes(table: TableState, filters: { q?: string; districtId?: string; operatorId?: string }) {
  const query = urlQuery(API.listEdgeNodes, { page: table.page, pageSize: table.pageSize, ...filters });
  return useQuery({
    queryKey: ['networks', 'edge-nodes', query],
    queryFn: () => call(API.listEdgeNodes, { query }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['networks'] });
    void client.invalidateQueries({ queryKey: ['workbench'] });
  };
}

export function useCreateNetwork() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateNetwork) => call(API.createNetwork, { body }), onSuccess: invalidate });
}

export function useUpdateNetwork() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateNetwork }) => call(API.updateNetwork, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export function useTransitionNetwork() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: NetworkTransition }) => call(API.transitionNetwork, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export function useConfirmNetwork() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'confirm' | 'return'; body: ConfirmRecord | ReturnRecord }) =>
      action === 'confirm' ? call(API.confirmNetwork, { params: { id }, body }) : call(API.returnNetwork, { params: { id }, body }),
    onSettled: invalidate,
  });
}

/** Devices of a network (issue #14 item 2), refreshed so last-seen and alarm states follow. */
export function useNetworkDevices(networkId: string) {
  return useQuery({
    queryKey: ['networks', 'devices', networkId],
    queryFn: () => call(API.listNetworkDevices, { params: { id: networkId }, query: { pageSize: 200 } }),
    refetchInterval: 10_000,
  });
}

export function useRegisterDevice(networkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterDevice) => call(API.registerDevice, { params: { id: networkId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['networks', 'devices', networkId] }),
  });
}

/** The last hour of a device from the 1-minute rollup, refreshing every 10 s. */
export function useDeviceSeries(deviceId: string | undefined) {
  return useQuery({
    queryKey: ['networks', 'device-series', deviceId],
    enabled: deviceId !== undefined,
    queryFn: () => call(API.getDeviceSeries, { params: { id: deviceId ?? '' }, query: { minutes: 60 } }),
    refetchInterval: 10_000,
  });
}

/** Alarms of a network's devices, newest first (issue #14 item 4). */
export function useNetworkAlarms(networkId: string) {
  return useQuery({
    queryKey: ['networks', 'alarms', networkId],
    queryFn: () => call(API.listAlarms, { query: { networkId, pageSize: 50 } }),
    refetchInterval: 10_000,
  });
}

export function useAcknowledgeAlarm(networkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(API.acknowledgeAlarm, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['networks', 'alarms', networkId] }),
  });
}
