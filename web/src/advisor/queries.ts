import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { loadSession, onSessionChange } from '../auth/session';
import { rolesOf } from '../auth/roles';
import { meKeys } from '../settings/queries';

/** True when the signed-in user's token carries the advisor role (display only; the server decides access). */
export function useIsAdvisor(): boolean {
  const [session, setSession] = useState(loadSession);
  useEffect(() => onSessionChange(setSession), []);
  return rolesOf(session).includes('advisor');
}

/** GET /api/v1/advisor/clients: the households that grant the caller access (advisors only; asked only when `enabled`). */
export function useClients(enabled = true) {
  return useQuery({ queryKey: meKeys.clients, queryFn: () => unwrap(api.GET('/api/v1/advisor/clients')), enabled });
}

/**
 * The client household with this id when the signed-in advisor sees it through a grant (`client`),
 * and whether that is still being found out (`pending`: an advisor's client list is loading).
 */
export function useClientHousehold(householdId: string) {
  const advisor = useIsAdvisor();
  const clients = useClients(advisor);
  return {
    client: advisor ? clients.data?.find((c) => c.householdId === householdId) : undefined,
    pending: advisor && clients.isPending,
  };
}
