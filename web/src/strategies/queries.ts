import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

type S = components['schemas'];
export type Strategy = S['StrategyDto'];
export type StrategyPerformance = S['StrategyPerformanceDto'];
export type RebalancingRule = S['RebalancingRule'];

export const strategyKeys = {
  all: ['strategies'] as const,
  list: () => ['strategies', 'list'] as const,
  one: (strategyId: string) => ['strategies', 'one', strategyId] as const,
  performance: (strategyId: string) => ['strategies', 'performance', strategyId] as const,
  follows: (householdId: string) => ['strategies', 'follows', householdId] as const,
  admin: () => ['strategies', 'admin'] as const,
};

/** GET /strategies: every visible published strategy, newest first. */
export function useStrategies() {
  return useQuery({ queryKey: strategyKeys.list(), queryFn: () => unwrap(api.GET('/api/v1/strategies')) });
}

export function useStrategy(strategyId: string) {
  return useQuery({
    queryKey: strategyKeys.one(strategyId),
    queryFn: () => unwrap(api.GET('/api/v1/strategies/{strategyId}', { params: { path: { strategyId } } })),
  });
}

/** GET …/performance: growth of 1 since publication, TTWROR, drawdown (docs/strategies.md). */
export function useStrategyPerformance(strategyId: string) {
  return useQuery({
    queryKey: strategyKeys.performance(strategyId),
    queryFn: () => unwrap(api.GET('/api/v1/strategies/{strategyId}/performance', { params: { path: { strategyId } } })),
  });
}

export function useFollows(householdId: string) {
  return useQuery({
    queryKey: strategyKeys.follows(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/strategy-follows', { params: { path: { householdId } } })),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: strategyKeys.all });
}

export function usePublish(householdId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { modelPortfolioId: string; name?: string; description?: string; rebalancing: RebalancingRule }) =>
      unwrap(api.POST('/api/v1/households/{householdId}/strategies', { params: { path: { householdId } }, body })),
    onSettled: refresh,
  });
}

export function useFollow(householdId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { strategyId: string; follow: boolean }) =>
      v.follow
        ? unwrap(api.PUT('/api/v1/households/{householdId}/strategy-follows/{strategyId}', { params: { path: { householdId, strategyId: v.strategyId } } }))
        : unwrap(api.DELETE('/api/v1/households/{householdId}/strategy-follows/{strategyId}', { params: { path: { householdId, strategyId: v.strategyId } } })),
    onSettled: refresh,
  });
}

export function useCopy(householdId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { strategyId: string; name?: string; setTargets: boolean }) =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/strategies/{strategyId}/copy', {
          params: { path: { householdId, strategyId: v.strategyId } },
          body: { name: v.name || undefined, setTargets: v.setTargets },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['household', householdId] }),
  });
}

export function useReport() {
  return useMutation({
    mutationFn: (v: { strategyId: string; reason: string }) =>
      unwrap(api.POST('/api/v1/strategies/{strategyId}/reports', { params: { path: { strategyId: v.strategyId } }, body: { reason: v.reason } })),
  });
}

/** Admins: every strategy with its reports; hide and show. */
export function useModerationQueue(enabled = true) {
  return useQuery({ queryKey: strategyKeys.admin(), queryFn: () => unwrap(api.GET('/api/v1/admin/strategies')), enabled });
}

export function useModerate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { strategyId: string; hide: boolean; reason?: string }) =>
      v.hide
        ? unwrap(api.POST('/api/v1/admin/strategies/{strategyId}/hide', { params: { path: { strategyId: v.strategyId } }, body: { reason: v.reason } }))
        : unwrap(api.DELETE('/api/v1/admin/strategies/{strategyId}/hide', { params: { path: { strategyId: v.strategyId } } })),
    onSettled: refresh,
  });
}

/** PUT /strategies/{id}: the publisher's change; new weights or a new rule make a new revision (docs/strategies.md). */
export function useUpdateStrategy(strategyId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: S['UpdateStrategyRequest']) => unwrap(api.PUT('/api/v1/strategies/{strategyId}', { params: { path: { strategyId } }, body })),
    onSettled: refresh,
  });
}

/** The shared instruments (the ones with shared closes) a strategy's asset classes can be priced by; up to 1,000. */
export function useSharedProxies(enabled = true) {
  return useQuery({
    queryKey: ['strategies', 'proxies'] as const,
    queryFn: async () => (await unwrap(api.GET('/api/v1/instruments', { params: { query: { pageSize: 1000 } } }))).items.filter((i) => !i.householdId),
    enabled,
    staleTime: 5 * 60_000,
  });
}
