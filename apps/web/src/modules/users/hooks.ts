import { type CreateUser, OneTimePasswordSchema, pageOf, type Role, type UpdateUser, type User, UserSchema } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/http';
import type { TableState } from '../../shared/useTableState';

export interface UserFilters {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  orgId?: string;
}

export interface OneTimePassword {
  user: User;
  oneTimePassword: string;
}

const UserPageSchema = pageOf(UserSchema);

export function useUsers(table: TableState, filters: UserFilters) {
  const query = { page: table.page, pageSize: table.pageSize, sort: table.sort, ...filters };
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () => api.get<Page<User>>('/users', { query, check: UserPageSchema }),
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
    mutationFn: (body: CreateUser) => api.post<OneTimePassword>('/users', body, { check: OneTimePasswordSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUser }) => api.patch<User>(`/users/${id}`, body, { check: UserSchema }),
    onSettled: () => invalidate(),
  });
}

export function useSetUserEnabled() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api.post<User>(`/users/${id}/${enabled ? 'enable' : 'disable'}`, undefined, { check: UserSchema }),
    onSuccess: () => invalidate(),
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => api.post<OneTimePassword>(`/users/${id}/reset-password`, undefined, { check: OneTimePasswordSchema }),
    onSuccess: () => invalidate(),
  });
}
