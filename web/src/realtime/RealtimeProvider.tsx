import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { onSessionChange } from '../auth/session';
import { Realtime, type HubLike } from './realtime';

const RealtimeContext = createContext<Realtime | null>(null);

/** Holds the tab's real-time connection; it is closed on sign-out. */
export function RealtimeProvider({ children, build }: { children: ReactNode; build?: () => HubLike }) {
  const queryClient = useQueryClient();
  const [realtime] = useState(() => new Realtime(queryClient, build));
  useEffect(() => onSessionChange((session) => void (session ? undefined : realtime.stop())), [realtime]);
  useEffect(() => () => void realtime.stop(), [realtime]);
  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime | null {
  return useContext(RealtimeContext);
}

/** Joins the household's group while the component is mounted. */
export function useHouseholdRealtime(householdId: string): void {
  const realtime = useRealtime();
  useEffect(() => realtime?.join(householdId), [realtime, householdId]);
}

/** Whether real-time messages arrive now (false without a provider: callers poll). */
export function useRealtimeConnected(): boolean {
  const realtime = useRealtime();
  return useSyncExternalStore(
    (listener) => realtime?.subscribe(listener) ?? (() => undefined),
    () => realtime?.connected ?? false,
  );
}
