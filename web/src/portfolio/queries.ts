import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { PortfolioToEvaluate } from '../api/types';

/** Keys under ['household', id] so invalidating the household refreshes them too (household/queries.ts). */
export const portfolioKeys = {
  models: (id: string) => ['household', id, 'model-portfolios'] as const,
  targets: (id: string) => ['household', id, 'rebalance-targets'] as const,
  orders: (id: string) => ['household', id, 'orders'] as const,
  alerts: (id: string) => ['household', id, 'alerts'] as const,
  performance: (id: string, from: string, to: string, benchmark: string) => ['household', id, 'performance', from, to, benchmark] as const,
  frontier: (assumptionsVersion: number, evaluate: PortfolioToEvaluate[]) => ['frontier', assumptionsVersion, evaluate] as const,
  currentAssumptions: ['assumptions', 'current'] as const,
};

export function useModelPortfolios(householdId: string) {
  return useQuery({
    queryKey: portfolioKeys.models(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/model-portfolios', { params: { path: { householdId } } })),
  });
}

export function useTargets(householdId: string) {
  return useQuery(targetsQuery(householdId));
}

/** The query behind useTargets, for a page that starts it without reading it (usePrefetchQuery). */
export function targetsQuery(householdId: string) {
  return queryOptions({
    queryKey: portfolioKeys.targets(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/rebalance-targets', { params: { path: { householdId } } })),
  });
}

export function useOrders(householdId: string) {
  return useQuery({
    queryKey: portfolioKeys.orders(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/orders', { params: { path: { householdId }, query: {} } })),
  });
}

/** The current capital-market assumptions (docs/assumptions.md): the frontier, the risk levels and the planner's defaults use them. */
export function useCurrentAssumptions() {
  return useQuery(currentAssumptionsQuery);
}

/** The query behind useCurrentAssumptions, for a page that starts it without reading it (usePrefetchQuery). */
export const currentAssumptionsQuery = queryOptions({
  queryKey: portfolioKeys.currentAssumptions,
  queryFn: () => unwrap(api.GET('/api/v1/assumptions/current')),
  staleTime: 5 * 60_000,
});
