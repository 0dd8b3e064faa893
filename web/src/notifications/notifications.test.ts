import { describe, expect, it } from 'vitest';
import { preferenceGrid, unreadBadge, withArrived, withRead, type NotificationEntry } from './notifications';

const entry = (id: string, readUtc: string | null = null): NotificationEntry => ({
  id,
  householdId: 'h1',
  eventType: 'order.filled',
  title: `Order filled ${id}`,
  body: 'Buy 20 MSFT',
  createdUtc: '2026-12-06T10:00:00Z',
  readUtc,
});

describe('notifications', () => {
  it('badges the unread count, capped at 99+', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe('7');
    expect(unreadBadge(250)).toBe('99+');
  });

  const page = (items: NotificationEntry[], unreadCount: number, pageSize = 20) => ({
    items,
    page: 1,
    pageSize,
    totalCount: items.length,
    unreadCount,
  });

  it('prepends a live notification once and counts it unread', () => {
    const list = page([entry('a')], 1);
    const after = withArrived(list, entry('b'));
    expect(after?.items.map((n) => n.id)).toEqual(['b', 'a']);
    expect(after?.unreadCount).toBe(2);
    expect(after?.totalCount).toBe(2);
    expect(withArrived(after, entry('b'))).toBe(after);
    expect(withArrived(undefined, entry('c'))).toBeUndefined();
  });

  it('keeps the cached first page to its size when one arrives', () => {
    const after = withArrived(page([entry('a'), entry('b')], 2, 2), entry('c'));
    expect(after?.items.map((n) => n.id)).toEqual(['c', 'a']);
    expect([after?.totalCount, after?.unreadCount]).toEqual([3, 3]);
  });

  it('marks one read and lowers the count only when it was unread', () => {
    const list = page([entry('a'), entry('b', '2026-12-06T09:00:00Z')], 1);
    const read = withRead(list, entry('a', '2026-12-06T11:00:00Z'));
    expect(read?.unreadCount).toBe(0);
    expect(read?.items[0]?.readUtc).toBe('2026-12-06T11:00:00Z');
    expect(withRead(read, entry('b', '2026-12-06T11:00:00Z'))?.unreadCount).toBe(0);
  });

  it('groups preferences per event kind', () => {
    const grid = preferenceGrid([
      { eventType: 'order.filled', channel: 'inApp', enabled: true, isDefault: true },
      { eventType: 'order.filled', channel: 'email', enabled: true, isDefault: true },
      { eventType: 'price.stale', channel: 'inApp', enabled: false, isDefault: false },
    ]);
    expect(grid.map((r) => [r.eventType, r.cells.length])).toEqual([
      ['order.filled', 2],
      ['price.stale', 1],
    ]);
  });
});
