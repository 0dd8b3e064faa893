import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { PortfolioToEvaluate } from '../api/types';

/** Keys under ['household', id] so invalidating the household refreshes them too (household/queries.ts). */
export const portfolioKeys = {
  models: (id: string) => ['household', id, 'model-portfolios'] as const,
  targets: (id: string) => ['household', id, 'rebalance-targets'] as const,
  orders: (id: string) => ['household', id, 'orders'] as const,
  alerts: (id: string) => ['household', id, 'alerts'] as const,
  performance: (id: string, from: string, to: string, benchmark: string) => ['household', id, 'performance', from, to, benchmark] as const,
  frontier: (maxWeight: number, evaluate: PortfolioToEvaluate[]) => ['frontier', maxWeight, evaluate] as const,
  assumptions: ['model-assumptions'] as const,
};

export function useModelPortfolios(householdId: string) {
  return useQuery({
    queryKey: portfolioKeys.models(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/model-portfolios', { params: { path: { householdId } } })),
  });
}

export function useTargets(householdId: string) {
  return useQuery({
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

/** The asset-class proxy returns the model portfolios are built on; they do not change while the server runs. */
export function useAssumptions() {
  return useQuery({
    queryKey: portfolioKeys.assumptions,
    queryFn: () => unwrap(api.GET('/api/v1/model-portfolios/assumptions')),
    staleTime: Infinity,
  });
}
