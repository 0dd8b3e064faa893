import { useRealtimeConnected } from './RealtimeProvider';

/**
 * How often a page polls a queued or running run: never while the hub pushes its progress (the
 * realtime module writes `runProgress` into the run's query and fetches it once when it ends),
 * once a second while the connection is down.
 */
export function useRunPollInterval(): number | false {
  return useRealtimeConnected() ? false : 1000;
}
