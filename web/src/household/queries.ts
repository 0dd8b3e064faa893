import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** Query keys start with the household id, so invalidating ['household', id] refreshes all of its views. */
export const keys = {
  households: ['households'] as const,
  household: (id: string) => ['household', id] as const,
  accounts: (id: string) => ['household', id, 'accounts'] as const,
  positions: (id: string, asOf?: string) => ['household', id, 'positions', asOf ?? 'today'] as const,
  lots: (id: string, accountId?: string) => ['household', id, 'lots', accountId ?? 'all'] as const,
  valuation: (id: string) => ['household', id, 'valuation'] as const,
  netWorth: (id: string, from: string, to: string) => ['household', id, 'net-worth', from, to] as const,
  transactions: (id: string, filters: object) => ['household', id, 'transactions', filters] as const,
  gains: (id: string, from?: string, to?: string) => ['household', id, 'gains', from ?? '', to ?? ''] as const,
  plans: (id: string) => ['household', id, 'plans'] as const,
  plan: (id: string, planId: string) => ['household', id, 'plans', planId] as const,
  runs: (id: string, planId: string) => ['household', id, 'plans', planId, 'runs'] as const,
  instruments: ['instruments'] as const,
};

export function useHousehold(householdId: string) {
  return useQuery({
    queryKey: keys.household(householdId),
    queryFn: () => unwrap(api.GET('/api/households/{householdId}', { params: { path: { householdId } } })),
  });
}

export function useAccounts(householdId: string) {
  return useQuery({
    queryKey: keys.accounts(householdId),
    queryFn: () => unwrap(api.GET('/api/households/{householdId}/accounts', { params: { path: { householdId } } })),
  });
}

export function useInstruments() {
  return useQuery({
    queryKey: keys.instruments,
    queryFn: () => unwrap(api.GET('/api/instruments')),
    staleTime: 5 * 60_000,
  });
}

export function usePositions(householdId: string) {
  return useQuery({
    queryKey: keys.positions(householdId),
    queryFn: () => unwrap(api.GET('/api/households/{householdId}/positions', { params: { path: { householdId } } })),
  });
}

export function useValuation(householdId: string) {
  return useQuery({
    queryKey: keys.valuation(householdId),
    queryFn: () => unwrap(api.GET('/api/households/{householdId}/valuation', { params: { path: { householdId } } })),
  });
}
