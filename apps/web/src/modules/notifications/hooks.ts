import { API, type Notification } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, urlQuery } from '../../api/endpoints';

const KEY = ['notifications'] as const;

/** The caller's unread count for the bell, refreshed every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: () => call(API.getUnreadNotificationCount),
    refetchInterval: 60_000,
  });
}

export function useNotifications(query: { page: number; pageSize: number; unread: boolean }) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () =>
      call(API.listNotifications, { query: { page: query.page, pageSize: query.pageSize, unread: query.unread ? 'true' : undefined } }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(API.markNotificationRead, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(API.markAllNotificationsRead),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useOutbox(query: { page: number; pageSize: number; status?: string | undefined }, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'outbox', query],
    enabled,
    queryFn: () => call(API.listMailOutbox, { query: urlQuery(API.listMailOutbox, query) }),
    placeholderData: keepPreviousData,
  });
}

export function useDispatchMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(API.dispatchMailOutbox),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'outbox'] }),
  });
}

/** Title and body in the console's language. */
export function localised(n: Notification, language: string): { title: string; body: string } {
  return language.startsWith('en') ? { title: n.titleEn, body: n.bodyEn } : { title: n.titleZh, body: n.bodyZh };
}
