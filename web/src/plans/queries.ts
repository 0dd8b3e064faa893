import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { keys } from '../household/queries';

export function usePlans(householdId: string) {
  return useQuery({
    queryKey: keys.plans(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/plans', { params: { path: { householdId } } })),
  });
}

export function usePlan(householdId: string, planId: string) {
  return useQuery({
    queryKey: keys.plan(householdId, planId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/plans/{planId}', { params: { path: { householdId, planId } } })),
  });
}

export function useRuns(householdId: string, planId: string) {
  return useQuery({
    queryKey: keys.runs(householdId, planId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/plans/{planId}/simulations', { params: { path: { householdId, planId } } })),
  });
}
