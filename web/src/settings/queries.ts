import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const meKeys = {
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  grants: (householdId: string) => ['household', householdId, 'advisor-grants'] as const,
  clients: ['advisor', 'clients'] as const,
};

/** GET /api/v1/me: the signed-in user's e-mail, roles, two-factor state and households. */
export function useMe() {
  return useQuery({ queryKey: meKeys.me, queryFn: () => unwrap(api.GET('/api/v1/me')) });
}
