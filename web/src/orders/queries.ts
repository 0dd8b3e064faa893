import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const orderKeys = {
  /** Under the household's key, so a household-wide invalidation refreshes it too. */
  account: (householdId: string, accountId: string) => ['household', householdId, 'orders', accountId] as const,
};

export function useAccountOrders(householdId: string, accountId: string) {
  return useQuery({
    queryKey: orderKeys.account(householdId, accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{accountId}/orders', { params: { path: { accountId }, query: {} } })),
  });
}
