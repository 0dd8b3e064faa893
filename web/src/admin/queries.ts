import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { loadSession, onSessionChange } from '../auth/session';
import { rolesOf } from '../auth/roles';

/** True when the signed-in user's token carries the admin role (display only; the server decides access). */
export function useIsAdmin(): boolean {
  const [session, setSession] = useState(loadSession);
  useEffect(() => onSessionChange(setSession), []);
  return rolesOf(session).includes('admin');
}

export const adminKeys = {
  jobs: ['admin', 'jobs'] as const,
  runs: (job: string) => ['admin', 'jobs', job, 'runs'] as const,
  health: ['admin', 'health'] as const,
  instruments: ['admin', 'instruments'] as const,
  search: (provider: string, q: string) => ['admin', 'search', provider, q] as const,
};

/** GET /api/v1/admin/jobs; polled while a run is in flight so a triggered run shows up by itself. */
export function useJobs(enabled = true) {
  return useQuery({
    queryKey: adminKeys.jobs,
    queryFn: () => unwrap(api.GET('/api/v1/admin/jobs')),
    enabled,
    refetchInterval: (q) => (q.state.data?.some((j) => j.lastRun?.outcome === 'running') ? 1000 : false),
  });
}

/** GET /api/v1/admin/jobs/{name}/runs: the first page (newest 20) of the job's runs. */
export function useJobRuns(job: string | null) {
  return useQuery({
    queryKey: adminKeys.runs(job ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/admin/jobs/{name}/runs', { params: { path: { name: job! }, query: { pageSize: 20 } } })).then((page) => page.items),
    enabled: job !== null,
    refetchInterval: (q) => (q.state.data?.[0]?.outcome === 'running' ? 1000 : false),
  });
}

/** POST /api/v1/admin/jobs/{name}/trigger (202); the list and the job's runs are read again until the run shows. */
export function useTriggerJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (job: string) => unwrap(api.POST('/api/v1/admin/jobs/{name}/trigger', { params: { path: { name: job } } })),
    onSuccess: async (_, job) => {
      // The run starts on whichever node acquires the trigger: look again shortly.
      for (const delay of [500, 1500, 3000]) {
        await new Promise((r) => setTimeout(r, delay));
        await client.invalidateQueries({ queryKey: adminKeys.jobs });
        await client.invalidateQueries({ queryKey: adminKeys.runs(job) });
      }
    },
  });
}

/** GET /health/detailed: providers, scheduler, jobs' last outcomes, database. */
export function useDetailedHealth(enabled = true) {
  return useQuery({ queryKey: adminKeys.health, queryFn: () => unwrap(api.GET('/health/detailed')), enabled });
}

/** Shared instruments (the ones providers price), first page. */
export function useSharedInstruments(enabled = true) {
  return useQuery({
    queryKey: adminKeys.instruments,
    queryFn: async () => (await unwrap(api.GET('/api/v1/instruments', { params: { query: { pageSize: 1000 } } }))).items.filter((i) => !i.householdId),
    enabled,
  });
}

/** PUT /api/v1/admin/instruments/{id}/market-data. */
export function useSetMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { instrumentId: string; provider: string | null; symbol: string | null }) =>
      unwrap(api.PUT('/api/v1/admin/instruments/{instrumentId}/market-data', { params: { path: { instrumentId: v.instrumentId } }, body: { provider: v.provider, symbol: v.symbol } })),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.instruments }),
  });
}

/** GET /api/v1/admin/market-data/providers/{provider}/search?q= (asked only for a non-empty query). */
export function useProviderSearch(provider: string, q: string) {
  return useQuery({
    queryKey: adminKeys.search(provider, q),
    queryFn: () => unwrap(api.GET('/api/v1/admin/market-data/providers/{provider}/search', { params: { path: { provider }, query: { q } } })),
    enabled: provider.length > 0 && q.trim().length > 0,
    retry: false,
  });
}
