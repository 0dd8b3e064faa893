import type { components } from '../api/schema';

export type NotificationEntry = components['schemas']['NotificationDto'];
export type NotificationList = components['schemas']['NotificationPage'];
export type Preference = components['schemas']['NotificationPreferenceDto'];

export const notificationKeys = {
  list: ['notifications'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** The bell's label: the count, capped so the badge stays small. */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

/**
 * A live `notificationCreated` into the cached first page: prepended once (a repeat of the same id changes
 * nothing), the page kept to its size, the total and unread counts raised.
 */
export function withArrived(list: NotificationList | undefined, arrived: NotificationEntry): NotificationList | undefined {
  if (!list) return list;
  if (list.items.some((n) => n.id === arrived.id)) return list;
  return {
    ...list,
    items: [arrived, ...list.items].slice(0, list.pageSize),
    totalCount: list.totalCount + 1,
    unreadCount: list.unreadCount + (arrived.readUtc ? 0 : 1),
  };
}

/** One read in the cached list: its readUtc set, the count lowered when it was unread. */
export function withRead(list: NotificationList | undefined, read: NotificationEntry): NotificationList | undefined {
  if (!list) return list;
  const before = list.items.find((n) => n.id === read.id);
  const wasUnread = before ? !before.readUtc : false;
  return {
    ...list,
    unreadCount: Math.max(0, list.unreadCount - (wasUnread && read.readUtc ? 1 : 0)),
    items: list.items.map((n) => (n.id === read.id ? read : n)),
  };
}

export const channelLabels: Record<string, string> = { inApp: 'In app', email: 'E-mail', sms: 'SMS', push: 'Push' };

/** The preferences as rows per event kind, columns per channel, in the server's order. */
export function preferenceGrid(preferences: Preference[]): { eventType: string; cells: Preference[] }[] {
  const rows = new Map<string, Preference[]>();
  for (const p of preferences) rows.set(p.eventType, [...(rows.get(p.eventType) ?? []), p]);
  return [...rows].map(([eventType, cells]) => ({ eventType, cells }));
}
