import { useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { AssetClass } from '../api/types';

/** Query keys start with the household id, so invalidating ['household', id] refreshes all of its views. */
export const keys = {
  households: ['households'] as const,
  household: (id: string) => ['household', id] as const,
  accounts: (id: string) => ['household', id, 'accounts'] as const,
  positions: (id: string, asOf?: string) => ['household', id, 'positions', asOf ?? 'today'] as const,
  lots: (id: string, accountId?: string) => ['household', id, 'lots', accountId ?? 'all'] as const,
  valuation: (id: string) => ['household', id, 'valuation'] as const,
  people: (id: string) => ['household', id, 'people'] as const,
  netWorth: (id: string, from: string, to: string) => ['household', id, 'net-worth', from, to] as const,
  transactions: (id: string, filters: object) => ['household', id, 'transactions', filters] as const,
  gains: (id: string, from?: string, to?: string) => ['household', id, 'gains', from ?? '', to ?? ''] as const,
  plans: (id: string) => ['household', id, 'plans'] as const,
  plan: (id: string, planId: string) => ['household', id, 'plans', planId] as const,
  runs: (id: string, planId: string) => ['household', id, 'plans', planId, 'runs'] as const,
  /** The instruments the household itself uses (its own and those its transactions or targets name). */
  instruments: (id: string) => ['household', id, 'instruments'] as const,
  /** A page of everything the household may use (shared and its own), for search and pickers. */
  instrumentCatalog: (id: string, search: object) => ['household', id, 'instrument-catalog', search] as const,
};

export function useHousehold(householdId: string) {
  return useQuery({
    queryKey: keys.household(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}', { params: { path: { householdId } } })),
  });
}

export function useAccounts(householdId: string) {
  return useQuery({
    queryKey: keys.accounts(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/accounts', { params: { path: { householdId } } })),
  });
}

/** The household's own instruments and those it trades or targets (one page of up to 1,000: more than a household names). */
export function useInstruments(householdId: string) {
  return useQuery(instrumentsQuery(householdId));
}

/** The query behind useInstruments, for a page that starts it without reading it (usePrefetchQuery). */
export function instrumentsQuery(householdId: string) {
  return queryOptions({
    queryKey: keys.instruments(householdId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/instruments', { params: { query: { householdId, inUse: true, pageSize: 1000 } } }))).items,
    staleTime: 5 * 60_000,
  });
}

export interface CatalogSearch {
  q?: string;
  assetClass?: AssetClass;
  /** Only the household's own instruments and those it trades or targets. */
  inUse?: boolean;
  page?: number;
  pageSize?: number;
}

/** One page of the instruments the household may use (the shared list is paged on the server). */
export function useInstrumentCatalog(householdId: string, search: CatalogSearch = {}) {
  return useQuery({
    queryKey: keys.instrumentCatalog(householdId, search),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/instruments', {
          params: {
            query: { householdId, q: search.q || undefined, assetClass: search.assetClass, inUse: search.inUse, page: search.page ?? 1, pageSize: search.pageSize ?? 50 },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

export function usePositions(householdId: string) {
  return useQuery(positionsQuery(householdId));
}

/** The query behind usePositions, for a page that starts it without reading it (usePrefetchQuery). */
export function positionsQuery(householdId: string) {
  return queryOptions({
    queryKey: keys.positions(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/positions', { params: { path: { householdId } } })),
  });
}

/** The household's people (names, birth dates, retirement ages): Settings edits them, new plans start from them. */
export function usePeople(householdId: string) {
  return useQuery({
    queryKey: keys.people(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/people', { params: { path: { householdId } } })),
  });
}

export function useValuation(householdId: string) {
  return useQuery({
    queryKey: keys.valuation(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/valuation', { params: { path: { householdId } } })),
  });
}

/** Pickers: the household's own instruments first, then the first page of everything it may use. */
export function useInstrumentChoices(householdId: string) {
  const own = useInstruments(householdId);
  const catalog = useInstrumentCatalog(householdId, { pageSize: 200 });
  const data = useMemo(() => {
    if (!own.data) return undefined;
    const seen = new Set(own.data.map((i) => i.id));
    return [...own.data, ...(catalog.data?.items ?? []).filter((i) => !seen.has(i.id))];
  }, [own.data, catalog.data]);
  return { ...own, data } as typeof own;
}
