import {
  type Notification,
  type NotificationPage,
  NotificationPageSchema,
  NotificationSchema,
  type OutboxPage,
  OutboxPageSchema,
  type UnreadCount,
  UnreadCountSchema,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';

const KEY = ['notifications'] as const;

/** The caller's unread count for the bell, refreshed every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: () => api.get<UnreadCount>('/notifications/unread-count', { check: UnreadCountSchema }),
    refetchInterval: 60_000,
  });
}

export function useNotifications(query: { page: number; pageSize: number; unread: boolean }) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () =>
      api.get<NotificationPage>('/notifications', {
        query: { page: query.page, pageSize: query.pageSize, unread: query.unread ? 'true' : undefined },
        check: NotificationPageSchema,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/notifications/${id}/read`, undefined, { check: NotificationSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/notifications/read-all'),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useOutbox(query: { page: number; pageSize: number; status?: string | undefined }, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'outbox', query],
    enabled,
    queryFn: () => api.get<OutboxPage>('/notifications/outbox', { query, check: OutboxPageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useDispatchMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ sent: number; retried: number; failed: number }>('/notifications/outbox/dispatch'),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'outbox'] }),
  });
}

/** Title and body in the console's language. */
export function localised(n: Notification, language: string): { title: string; body: string } {
  return language.startsWith('en') ? { title: n.titleEn, body: n.bodyEn } : { title: n.titleZh, body: n.bodyZh };
}
