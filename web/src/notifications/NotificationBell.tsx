import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { formatInstant } from '../lib/format';
import { notificationKeys, unreadBadge, withRead, type NotificationList } from './notifications';

/**
 * The notification centre in the app header (docs/notifications.md): a bell with the unread count and a
 * panel listing the newest notifications, each marked read on click, or all at once. New ones arrive
 * live through the real-time hub (realtime.ts puts them into this query), else on the minute poll.
 */
export function NotificationBell() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { pageSize: 20 } } })),
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (notificationId: string) => unwrap(api.POST('/api/v1/notifications/{notificationId}/read', { params: { path: { notificationId } } })),
    onSuccess: (read) => queryClient.setQueryData<NotificationList>(notificationKeys.list, (old) => withRead(old, read)),
  });
  const markAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.list }),
  });
  const badge = unreadBadge(list.data?.unreadCount ?? 0);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-label={badge ? `Notifications, ${badge} unread` : 'Notifications'}
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-md px-2 py-1 hover:bg-brand-700"
        data-testid="notification-bell"
      >
        <span aria-hidden="true">🔔</span>
        {badge && (
          <span className="absolute -right-1 -top-1 rounded-full bg-red-600 px-1 text-xs font-semibold" data-testid="notification-unread">
            {badge}
          </span>
        )}
      </button>
      {open && (
        <div role="dialog" aria-label="Notifications" className="absolute right-0 z-20 mt-2 w-96 max-w-[90vw] rounded-md bg-white p-3 text-slate-900 shadow-lg">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-base font-semibold">Notifications</h2>
            <button type="button" className="text-sm underline" disabled={!badge || markAll.isPending} onClick={() => markAll.mutate()}>
              Mark all read
            </button>
          </div>
          {list.isError ? (
            <p className="text-sm text-red-700">Notifications could not be loaded.</p>
          ) : !list.data ? (
            <p className="text-sm text-slate-600">Loading…</p>
          ) : list.data.items.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing yet. Fills, alerts and other events appear here.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto" data-testid="notifications">
              {list.data.items.map((n) => (
                <li key={n.id} className="py-2">
                  <button
                    type="button"
                    className={`w-full text-left text-sm ${n.readUtc ? 'text-slate-600' : 'font-medium'}`}
                    onClick={() => !n.readUtc && markRead.mutate(n.id)}
                  >
                    <span className="block">{n.title}</span>
                    <span className="block text-xs text-slate-600">{n.body}</span>
                    <span className="block text-xs text-slate-500">
                      {formatInstant(n.createdUtc)}
                      {n.readUtc ? '' : ' · unread'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
