import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { keys } from '../household/queries';

type S = components['schemas'];
export type Budget = S['BudgetDto'];
export type BudgetLine = S['BudgetLineDto'];
export type BudgetMonth = S['BudgetMonthDto'];
export type CashFlow = S['CashFlowDto'];

export const budgetKeys = {
  all: (householdId: string) => [...keys.household(householdId), 'budgets'] as const,
  list: (householdId: string) => [...keys.household(householdId), 'budgets', 'list'] as const,
  month: (householdId: string, month: string) => [...keys.household(householdId), 'budgets', 'month', month] as const,
  cashFlow: (householdId: string, from: string, to: string) => [...keys.household(householdId), 'cash-flow', from, to] as const,
};

export function useBudgets(householdId: string) {
  return useQuery({
    queryKey: budgetKeys.list(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/budgets', { params: { path: { householdId } } })),
  });
}

export function useBudgetMonth(householdId: string, month: string) {
  return useQuery({
    queryKey: budgetKeys.month(householdId, month),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/budgets/months/{month}', { params: { path: { householdId, month } } })),
    enabled: isMonth(month),
  });
}

export function useCashFlow(householdId: string, from: string, to: string) {
  return useQuery({
    queryKey: budgetKeys.cashFlow(householdId, from, to),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/cash-flow', { params: { path: { householdId }, query: { from, to } } })),
    enabled: isDate(from) && isDate(to) && from <= to,
  });
}

export const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The width of a progress bar (0–100, capped) and whether the month is over budget (spent more than was available). */
export function progressBar(line: Pick<BudgetLine, 'progress' | 'remaining' | 'spent'>): { width: number; over: boolean } {
  const over = line.remaining < 0;
  if (line.progress === null) return { width: line.spent > 0 ? 100 : 0, over };
  return { width: Math.max(0, Math.min(100, line.progress * 100)), over };
}

/** The default cash-flow range: the first day of the month eleven months back, to today (what the server defaults to). */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const months = y * 12 + (m - 1) - 11;
  const from = `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
  return { from, to: today };
}

/** Spending summed by top-level category, largest first. */
export function byTopLevel(rows: Pick<CashFlow['spendingByCategory'][number], 'topLevel' | 'amount'>[]): { name: string; amount: number }[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.topLevel, (sums.get(r.topLevel) ?? 0) + r.amount);
  return [...sums].map(([name, amount]) => ({ name, amount: Math.round(amount * 100) / 100 })).sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
}
