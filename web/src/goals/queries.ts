import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { keys } from '../household/queries';

export const goalKeys = { list: (householdId: string) => [...keys.household(householdId), 'goals'] as const };

export function useGoals(householdId: string) {
  return useQuery({
    queryKey: goalKeys.list(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/goals', { params: { path: { householdId } } })),
  });
}
