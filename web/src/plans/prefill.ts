import type { AccountType, AssumptionSet, Person, Valuation } from '../api/types';
import { defaultPlanForm, defaultTaxesForm, type PlanForm, type TaxesForm } from './scenarioForm';

/**
 * The accounts a plan's starting balance counts: investment accounts, as the planning engine's
 * `fromLedger` does (Glidepath.Domain.Planning.LedgerStart.DefaultAccountTypes). Checking, savings,
 * cards, loans and manual assets (a home) are not the portfolio.
 */
export const investmentAccountTypes: ReadonlySet<AccountType> = new Set<AccountType>(['TaxableBrokerage', 'TraditionalIra', 'RothIra', 'Plan401K', 'Hsa', 'Plan529']);

/**
 * The taxes block's account for each investment account type (docs/monte-carlo.md, "Taxes"): a 529
 * is tax-free when spent on education, the only use a plan's goals give it.
 */
const taxAccountOf: Readonly<Partial<Record<AccountType, keyof Pick<TaxesForm, 'taxable' | 'taxDeferred' | 'taxFree' | 'hsa'>>>> = {
  TaxableBrokerage: 'taxable',
  TraditionalIra: 'taxDeferred',
  Plan401K: 'taxDeferred',
  RothIra: 'taxFree',
  Plan529: 'taxFree',
  Hsa: 'hsa',
};

/** Retirement age when a person's record leaves it blank. */
export const defaultRetirementAge = 65;

/** Whole years from a `yyyy-MM-dd` birth date to `today` (also `yyyy-MM-dd`). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** What a new plan was prefilled from, for the note above the form. */
export interface PlanPrefill {
  form: PlanForm;
  /** Names of the people taken from the household (at most two: a plan holds two). */
  people: string[];
  /** The valuation's date and the number of accounts counted, when the balance came from it. */
  balance: { asOf: string; accounts: number } | null;
  /** The capital-market assumption set the market figures came from (docs/assumptions.md), when they did. */
  assumptions: { version: number; asOf: string } | null;
}

/** A fraction as a percentage with at most two decimals, as the form holds it. */
const pct2 = (fraction: number) => Math.round(fraction * 10_000) / 100;

/**
 * The planner's market defaults from the current capital-market assumptions: US equity's expected
 * return and volatility for the plan's equity, bonds' for its bonds, and their correlation. Null when
 * the set lacks either class.
 */
export function marketFromAssumptions(set: AssumptionSet): Pick<PlanForm, 'equityReturnPct' | 'equityVolatilityPct' | 'bondReturnPct' | 'bondVolatilityPct' | 'correlation'> | null {
  const i = set.classes.findIndex((c) => c.assetClass === 'UsEquity');
  const j = set.classes.findIndex((c) => c.assetClass === 'Bonds');
  if (i < 0 || j < 0) return null;
  const equity = set.classes[i]!;
  const bonds = set.classes[j]!;
  return {
    equityReturnPct: pct2(equity.expectedReturn),
    equityVolatilityPct: pct2(equity.volatility),
    bondReturnPct: pct2(bonds.expectedReturn),
    bondVolatilityPct: pct2(bonds.volatility),
    correlation: Math.round(set.correlations[i]![j]! * 10_000) / 10_000,
  };
}

/**
 * A new plan from the household's records: its first two people (name, age today, retirement
 * age, 65 when not recorded, never before today), and the starting balance, the investment
 * accounts' value today; the market figures from the current capital-market assumptions. Without
 * people, a valuation or assumptions the defaults stay.
 */
export function prefillPlan(people: readonly Person[] | undefined, valuation: Valuation | undefined, today: string, set?: AssumptionSet): PlanPrefill {
  const form: PlanForm = { ...defaultPlanForm, people: [...defaultPlanForm.people], goals: [...defaultPlanForm.goals], taxes: { ...defaultTaxesForm } };
  const market = set ? marketFromAssumptions(set) : null;
  if (market) Object.assign(form, market);
  const chosen = (people ?? []).slice(0, 2);
  if (chosen.length > 0) {
    form.people = chosen.map((p) => {
      const age = ageOn(p.birthDate, today);
      return { name: p.name, age, retirementAge: Math.max(p.retirementAge ?? defaultRetirementAge, age) };
    });
    // The horizon is the first person's: until 95, at least a year and at most 100 years away.
    const first = form.people[0]!.age;
    form.untilAge = Math.min(Math.max(defaultPlanForm.untilAge, first + 1), first + 100);
    form.goals = form.goals.map((g) => (g.kind === 'retirement' ? { ...g, age: form.untilAge } : g));
    if (chosen[0]!.filingStatus === 'MarriedFilingJointly') form.taxes.filingStatus = 'marriedFilingJointly';
  }
  let balance: PlanPrefill['balance'] = null;
  if (valuation) {
    const counted = valuation.accounts.filter((a) => investmentAccountTypes.has(a.type));
    if (counted.length > 0) {
      // Cents, as the API gives them; a negative total (cash owed above the holdings) starts at 0.
      form.startBalance = Math.max(0, Math.round(counted.reduce((s, a) => s + a.total, 0) * 100) / 100);
      balance = { asOf: valuation.date, accounts: counted.length };
      // Taxes stay off until asked for; the split by account type is ready when they are. The
      // valuation has no cost basis, so the taxable basis starts at its balance (no gain).
      for (const a of counted) {
        const key = taxAccountOf[a.type];
        if (key) form.taxes[key] = Math.round((form.taxes[key] + Math.max(0, a.total)) * 100) / 100;
      }
      form.taxes.taxableBasis = form.taxes.taxable;
    }
  }
  return { form, people: chosen.map((p) => p.name), balance, assumptions: market && set ? { version: set.version, asOf: set.asOf } : null };
}
