import type { HubConnection } from '@microsoft/signalr';
import type { QueryClient } from '@tanstack/react-query';
import { currentAccessToken } from '../api/client';
import { portfolioKeys } from '../portfolio/queries';
import { notificationKeys, withArrived, type NotificationEntry, type NotificationList } from '../notifications/notifications';

/** What /hubs/portfolio sends (docs/web.md, "Real time"). */
export interface PricesUpdated {
  householdId: string;
  asOf: string;
}
export interface AlertsChanged {
  householdId: string;
}
export interface RunProgress {
  householdId: string;
  runId: string;
  progress: number;
  status: 'Queued' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';
}

/** The part of a SignalR connection this module uses; tests pass a fake. */
export type HubLike = Pick<HubConnection, 'on' | 'invoke' | 'start' | 'stop' | 'onreconnected' | 'onclose' | 'onreconnecting' | 'state'>;

/** The household views whose numbers come from closes: refetched when a price of the household's holdings changes. */
const priced = new Set(['positions', 'lots', 'valuation', 'net-worth', 'performance', 'alerts', 'gains', 'instruments']);

/** The SignalR client is loaded with the first household page, not with the sign-in page. */
export async function buildHub(): Promise<HubLike> {
  const { HubConnectionBuilder, LogLevel } = await import('@microsoft/signalr');
  return new HubConnectionBuilder()
    .withUrl('/hubs/portfolio', { accessTokenFactory: async () => (await currentAccessToken()) ?? '' })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
}

/**
 * One connection per signed-in tab: households are joined while a page of theirs is open (and joined
 * again after a reconnect, since the server forgets groups with the connection); messages invalidate
 * or update the matching TanStack queries, so pages refetch only what changed.
 */
export class Realtime {
  private hub: HubLike | null = null;
  private starting: Promise<void> | null = null;
  private readonly households = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly queryClient: QueryClient,
    private readonly build: () => HubLike | Promise<HubLike> = buildHub,
  ) {}

  /** True while messages arrive; pages fall back to polling otherwise. */
  get connected(): boolean {
    return this.hub?.state === 'Connected'; // HubConnectionState.Connected, without loading the client
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts hearing the household's messages; call the returned function to stop. */
  join(householdId: string): () => void {
    this.households.set(householdId, (this.households.get(householdId) ?? 0) + 1);
    void this.ensureStarted().then(() => this.invokeJoin(householdId));
    return () => {
      const left = (this.households.get(householdId) ?? 1) - 1;
      if (left > 0) {
        this.households.set(householdId, left);
        return;
      }
      this.households.delete(householdId);
      if (this.connected) void this.hub!.invoke('LeaveHousehold', householdId).catch(() => undefined);
    };
  }

  async stop(): Promise<void> {
    const hub = this.hub;
    this.hub = null;
    this.starting = null;
    this.households.clear();
    if (hub) await hub.stop();
    this.notify();
  }

  private ensureStarted(): Promise<void> {
    if (this.starting) return this.starting;
    const starting: Promise<void> = Promise.resolve(this.build())
      .then((hub) => {
        // Signed out (stop) while the client loaded: this start is void.
        if (this.starting !== starting) return;
        this.hub = hub;
        this.wire(hub);
        return hub.start().then(() => this.notify());
      })
      .catch(() => {
        // Not reachable now (signed out, server down): pages keep polling; the next join tries again.
        if (this.starting === starting) this.starting = null;
        this.notify();
      });
    this.starting = starting;
    return starting;
  }

  private wire(hub: HubLike): void {
    hub.on('pricesUpdated', (m: PricesUpdated) => {
      void this.queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'household' && q.queryKey[1] === m.householdId && priced.has(String(q.queryKey[2])),
      });
    });
    hub.on('alertsChanged', (m: AlertsChanged) => void this.queryClient.invalidateQueries({ queryKey: portfolioKeys.alerts(m.householdId) }));
    hub.on('runProgress', (m: RunProgress) => this.runProgress(m));
    // The user's own notifications (every connection hears its user's, whatever households it joined).
    // A handler must return nothing: SignalR takes a returned value for a client result the server never asked for.
    hub.on('notificationCreated', (m: NotificationEntry) => {
      this.queryClient.setQueryData<NotificationList>(notificationKeys.list, (old) => withArrived(old, m));
    });
    hub.onreconnecting(() => this.notify());
    hub.onreconnected(() => {
      for (const id of this.households.keys()) void this.invokeJoin(id);
      this.notify();
    });
    hub.onclose(() => this.notify());
  }

  private async invokeJoin(householdId: string): Promise<void> {
    if (!this.connected || !this.households.has(householdId)) return;
    await this.hub!.invoke('JoinHousehold', householdId).catch(() => undefined);
  }

  /** A run's progress into its cached query; once it ends, one fetch for its result and the runs list. */
  private runProgress(m: RunProgress): void {
    this.queryClient.setQueryData(['run', m.runId], (old: object | undefined) => (old ? { ...old, progress: m.progress, status: m.status } : old));
    if (m.status !== 'Queued' && m.status !== 'Running') {
      void this.queryClient.invalidateQueries({ queryKey: ['run', m.runId] });
      void this.queryClient.invalidateQueries({ queryKey: ['household', m.householdId, 'plans'], predicate: (q) => q.queryKey.at(-1) === 'runs' });
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
