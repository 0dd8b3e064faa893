import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { keys } from '../household/queries';

export type Recommendation = components['schemas']['RecommendationDto'];

export const recommendationKeys = { list: (householdId: string) => [...keys.household(householdId), 'recommendations'] as const };

/** GET …/recommendations: today's advice, best first (dismissed ones left out until their inputs change). */
export function useRecommendations(householdId: string) {
  return useQuery({
    queryKey: recommendationKeys.list(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/recommendations', { params: { path: { householdId } } })),
  });
}

/** POST …/recommendations/{key}/decision: Accepted, or Dismissed with a reason; the list is read again after. */
export function useDecide(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, status, reason }: { key: string; status: 'Accepted' | 'Dismissed'; reason?: string }) =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/recommendations/{key}/decision', {
          params: { path: { householdId, key } },
          body: { status, reason: reason ?? null },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recommendationKeys.list(householdId) }),
  });
}
