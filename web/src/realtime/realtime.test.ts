import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { HubConnectionState } from '@microsoft/signalr';
import { Realtime, type HubLike } from './realtime';
import { notificationKeys } from '../notifications/notifications';

/** A connection that records what is invoked and lets the test deliver messages and reconnects. */
function fakeHub() {
  const handlers = new Map<string, (m: unknown) => unknown>();
  let reconnected: (() => void) | undefined;
  const hub = {
    state: HubConnectionState.Disconnected,
    on: vi.fn((name: string, handler: (m: unknown) => unknown) => void handlers.set(name, handler)),
    invoke: vi.fn(() => Promise.resolve()),
    start: vi.fn(() => {
      hub.state = HubConnectionState.Connected;
      return Promise.resolve();
    }),
    stop: vi.fn(() => Promise.resolve()),
    onreconnected: vi.fn((cb: () => void) => void (reconnected = cb)),
    onreconnecting: vi.fn(),
    onclose: vi.fn(),
  };
  return {
    hub,
    deliver: (name: string, message: unknown) => handlers.get(name)!(message),
    reconnect: () => reconnected!(),
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Realtime', () => {
  it('returns nothing from a handler: SignalR takes a returned value for a client result the server never asked for', async () => {
    const fake = fakeHub();
    const client = new QueryClient();
    client.setQueryData(notificationKeys.list, { items: [], page: 1, pageSize: 20, totalCount: 0, unreadCount: 0 });
    const realtime = new Realtime(client, () => fake.hub as unknown as HubLike);
    realtime.join('h1');
    await flush();
    expect(fake.deliver('pricesUpdated', { householdId: 'h1' })).toBeUndefined();
    expect(fake.deliver('alertsChanged', { householdId: 'h1' })).toBeUndefined();
    expect(fake.deliver('notificationCreated', { id: 'n1', kind: 'order.filled', title: 'Filled', createdUtc: '2026-12-06T12:00:00Z', readUtc: null })).toBeUndefined();
  });

  it('joins the household once connected, and again after a reconnect', async () => {
    const fake = fakeHub();
    const realtime = new Realtime(new QueryClient(), () => fake.hub as unknown as HubLike);
    const leave = realtime.join('h1');
    await flush();
    expect(fake.hub.invoke).toHaveBeenCalledWith('JoinHousehold', 'h1');
    expect(realtime.connected).toBe(true);

    fake.reconnect();
    expect(fake.hub.invoke).toHaveBeenCalledTimes(2);
    leave();
    expect(fake.hub.invoke).toHaveBeenLastCalledWith('LeaveHousehold', 'h1');
  });

  it('pricesUpdated refetches the priced views of that household only; alertsChanged its alerts', async () => {
    const fake = fakeHub();
    const client = new QueryClient();
    const realtime = new Realtime(client, () => fake.hub as unknown as HubLike);
    realtime.join('h1');
    await flush();
    for (const key of [
      ['household', 'h1', 'valuation'],
      ['household', 'h1', 'positions', 'today'],
      ['household', 'h1', 'alerts'],
      ['household', 'h1', 'plans'],
      ['household', 'h2', 'valuation'],
    ]) {
      client.setQueryData(key, { cached: true });
    }
    const stale = () =>
      client
        .getQueryCache()
        .getAll()
        .filter((q) => q.state.isInvalidated)
        .map((q) => q.queryKey.join('/'))
        .sort();

    fake.deliver('pricesUpdated', { householdId: 'h1', asOf: '2026-12-04' });
    expect(stale()).toEqual(['household/h1/alerts', 'household/h1/positions/today', 'household/h1/valuation']);

    client.setQueryData(['household', 'h2', 'alerts'], { cached: true });
    fake.deliver('alertsChanged', { householdId: 'h2' });
    expect(stale()).toContain('household/h2/alerts');
    expect(stale()).not.toContain('household/h2/valuation');
  });

  it('runProgress updates the cached run, and fetches it once when it ends', async () => {
    const fake = fakeHub();
    const client = new QueryClient();
    const realtime = new Realtime(client, () => fake.hub as unknown as HubLike);
    realtime.join('h1');
    await flush();
    client.setQueryData(['run', 'r1'], { id: 'r1', status: 'Queued', progress: 0, result: null });
    client.setQueryData(['household', 'h1', 'plans', 'p1', 'runs'], []);

    fake.deliver('runProgress', { householdId: 'h1', runId: 'r1', progress: 0.4, status: 'Running' });
    expect(client.getQueryData(['run', 'r1'])).toEqual({ id: 'r1', status: 'Running', progress: 0.4, result: null });
    expect(client.getQueryState(['run', 'r1'])?.isInvalidated).toBe(false);

    fake.deliver('runProgress', { householdId: 'h1', runId: 'r1', progress: 1, status: 'Succeeded' });
    expect(client.getQueryState(['run', 'r1'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['household', 'h1', 'plans', 'p1', 'runs'])?.isInvalidated).toBe(true);
  });

  it('a connection that cannot start leaves pages polling', async () => {
    const fake = fakeHub();
    fake.hub.start.mockImplementation(() => Promise.reject(new Error('401')));
    const realtime = new Realtime(new QueryClient(), () => fake.hub as unknown as HubLike);
    realtime.join('h1');
    await flush();
    expect(realtime.connected).toBe(false);
    expect(fake.hub.invoke).not.toHaveBeenCalled();
  });
});
