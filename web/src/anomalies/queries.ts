import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { keys } from '../household/queries';
import { portfolioKeys } from '../portfolio/queries';

export type Anomaly = components['schemas']['AnomalyDto'];

export const anomalyKeys = { list: (householdId: string) => [...keys.household(householdId), 'anomalies'] as const };

/** Alerts and the anomaly list are read again after a scan or a dismissal. */
function useRefresh(householdId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: portfolioKeys.alerts(householdId) }),
      queryClient.invalidateQueries({ queryKey: anomalyKeys.list(householdId) }),
    ]);
}

/** POST …/anomalies/{id}/dismiss: the anomaly stays listed, no longer an alert. */
export function useDismissAnomaly(householdId: string) {
  const refresh = useRefresh(householdId);
  return useMutation({
    mutationFn: (anomalyId: string) =>
      unwrap(api.POST('/api/v1/households/{householdId}/anomalies/{anomalyId}/dismiss', { params: { path: { householdId, anomalyId } } })),
    onSuccess: refresh,
  });
}

/** POST …/anomalies/scan: the daily scan, now (as of today). */
export function useScanAnomalies(householdId: string) {
  const refresh = useRefresh(householdId);
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/anomalies/scan', { params: { path: { householdId } }, body: {} })),
    onSuccess: refresh,
  });
}
