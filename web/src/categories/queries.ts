import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { keys } from '../household/queries';

type S = components['schemas'];
export type Category = S['CategoryDto'];
export type CategorisedTransaction = S['CategorisedTransactionDto'];
export type Rule = S['RuleDto'];
export type RuleRequest = S['RuleRequest'];
export type RuleApplication = S['RuleApplicationDto'];
export type CategoriserStatus = S['CategoriserStatusDto'];

export const categoryKeys = {
  tree: (householdId: string) => [...keys.household(householdId), 'categories'] as const,
  transactions: (householdId: string) => [...keys.household(householdId), 'categories', 'transactions'] as const,
  rules: (householdId: string) => [...keys.household(householdId), 'rules'] as const,
  categoriser: (householdId: string) => [...keys.household(householdId), 'categoriser'] as const,
};

export function useCategoriser(householdId: string) {
  return useQuery({
    queryKey: categoryKeys.categoriser(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/categoriser', { params: { path: { householdId } } })),
  });
}

/** A model's probability as the page shows it: "72 %" (whole percent, rounded down so 0.799 never reads as the 80 % that sets a category). */
export function formatConfidence(confidence: number): string {
  return `${Math.floor(Math.max(0, Math.min(1, confidence)) * 100)} %`;
}

export function useCategories(householdId: string) {
  return useQuery({
    queryKey: categoryKeys.tree(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/categories', { params: { path: { householdId } } })),
  });
}

export function useCategorisedTransactions(householdId: string) {
  return useQuery({
    queryKey: categoryKeys.transactions(householdId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/households/{householdId}/categories/transactions', { params: { path: { householdId }, query: { pageSize: 200 } } })),
  });
}

export function useRules(householdId: string) {
  return useQuery({
    queryKey: categoryKeys.rules(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/rules', { params: { path: { householdId } } })),
  });
}

/** A new rule filled from a transaction: its payee (contains), its direction, and its category when it has one. */
export function ruleFromTransaction(t: CategorisedTransaction): RuleRequest {
  return {
    name: t.payee || 'New rule',
    payeePattern: t.payee || null,
    payeeMatch: 'Contains',
    direction: t.signedAmount < 0 ? 'Outflow' : 'Inflow',
    setCategoryId: t.categoryId ?? null,
  };
}
