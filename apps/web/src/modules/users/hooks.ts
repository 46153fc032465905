import { API, type ChangeUserRole, type CreateUser, type ResultOf, type Role, type UpdateUser } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';
import type { TableState } from '../../shared/useTableState';

export interface UserFilters {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  orgId?: string;
}

/** A created or reset account with its one-time password, shown once. */
export type OneTimePassword = ResultOf<typeof API.createUser>;

export function useUsers(table: TableState, filters: UserFilters) {
  const query = urlQuery(API.listUsers, { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters });
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () => call(API.listUsers, { query }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['users'] });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUser) => call(API.createUser, { body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUser }) => call(API.updateUser, { params: { id }, body }),
    onSettled: () => invalidate(),
  });
}

export function useSetUserEnabled() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      enabled ? call(API.enableUser, { params: { id } }) : call(API.disableUser, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}

/** Removes an account's second factor (a lost phone): it enrols again at next login. */
export function useResetTwoFactor() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => call(API.resetUserTwoFactor, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => call(API.resetUserPassword, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}

/** Lifts every login lock of an account (from every client address). */
export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => call(API.unlockUser, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}

/** Gives an account another role and organisation (city administrators); its sessions end everywhere. */
export function useChangeUserRole() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ChangeUserRole }) => call(API.changeUserRole, { params: { id }, body }),
    onSettled: () => invalidate(),
  });
}
