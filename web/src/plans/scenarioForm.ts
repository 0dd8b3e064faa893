import { z } from 'zod';

/**
 * The plan editor's form and its mapping to the scenario JSON (docs/scenario-format.md): a
 * household plan (people, saving, incomes, goals) over two asset classes. Percentages are
 * entered as percentages and stored as fractions. The server validates the scenario again
 * and names any field it refuses.
 */
const pct = (min: number, max: number) => z.number({ error: 'Enter a number' }).min(min, `At least ${min}%`).max(max, `At most ${max}%`);
const money = z.number({ error: 'Enter an amount' }).min(0, 'Cannot be negative');
const age = z.number({ error: 'Enter an age' }).int('Whole years').min(0, 'At least 0').max(120, 'At most 120');

export const personSchema = z.object({ name: z.string().trim().min(1, 'Name is required'), age, retirementAge: age });
export const incomeSchema = z.object({
  kind: z.enum(['salary', 'pension', 'socialSecurity']),
  person: z.number().int().min(0),
  annualAmount: money,
  fromAge: age.optional(),
  growthPct: pct(-10, 10),
});
export const goalSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required'),
    kind: z.enum(['retirement', 'lumpSum']),
    priority: z.number().int().min(1, 'At least 1'),
    amount: money.refine((v) => v > 0, 'Must be more than 0'),
    age,
  });

/**
 * The scenario's optional taxes block (docs/monte-carlo.md, "Taxes"): start balances by account
 * type, which then make up the starting balance. Roth conversions, another tax year or owner are
 * edited as JSON.
 */
export const taxesSchema = z.object({
  enabled: z.boolean(),
  filingStatus: z.enum(['single', 'marriedFilingJointly']),
  stateRatePct: pct(0, 20),
  taxable: money,
  taxableBasis: money,
  taxDeferred: money,
  taxFree: money,
  hsa: money,
  withdrawalOrder: z.enum(['taxableFirst', 'proportional', 'fillBracket']),
  fillBracketRatePct: pct(0, 50),
  contributionAccount: z.enum(['taxable', 'taxDeferred', 'taxFree', 'hsa']),
});
export type TaxesForm = z.infer<typeof taxesSchema>;

export const defaultTaxesForm: TaxesForm = {
  enabled: false,
  filingStatus: 'single',
  stateRatePct: 0,
  taxable: 0,
  taxableBasis: 0,
  taxDeferred: 0,
  taxFree: 0,
  hsa: 0,
  withdrawalOrder: 'taxableFirst',
  fillBracketRatePct: 12,
  contributionAccount: 'taxable',
};

/** The accounts' total: the starting balance of a plan with taxes. */
export const taxAccountsTotal = (t: TaxesForm) => round(t.taxable + t.taxDeferred + t.taxFree + t.hsa, 2);

export const planFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(200, 'At most 200 characters'),
    startBalance: money,
    untilAge: age,
    inflationPct: pct(0, 20),
    equityReturnPct: pct(-20, 30),
    equityVolatilityPct: pct(0, 100),
    bondReturnPct: pct(-20, 30),
    bondVolatilityPct: pct(0, 100),
    correlation: z.number().min(-0.99, 'Above -1').max(0.99, 'Below 1'),
    equityWeightPct: pct(0, 100),
    annualFeePct: pct(0, 5),
    monthlySaving: money,
    targetSuccessPct: pct(1, 99),
    paths: z.number().int('Whole number').min(100, 'At least 100').max(2_000_000, 'At most 2,000,000'),
    seed: z.number().int('Whole number').min(0, 'Not negative'),
    people: z.array(personSchema).min(1, 'Add at least one person').max(2, 'At most two people'),
    incomes: z.array(incomeSchema),
    goals: z.array(goalSchema).min(1, 'Add at least one goal'),
    taxes: taxesSchema,
  })
  .superRefine((f, ctx) => {
    if (f.taxes.enabled && f.taxes.taxableBasis > f.taxes.taxable) ctx.addIssue({ code: 'custom', path: ['taxes', 'taxableBasis'], message: 'At most the taxable balance' });
    const first = f.people[0];
    if (!first) return;
    const months = (f.untilAge - first.age) * 12;
    if (months < 12 || months > 1200) ctx.addIssue({ code: 'custom', path: ['untilAge'], message: `Must be 1 to 100 years after ${first.name}'s age` });
    f.people.forEach((p, i) => {
      if (p.retirementAge < p.age) ctx.addIssue({ code: 'custom', path: ['people', i, 'retirementAge'], message: 'Already past: use the current age or later' });
    });
    f.incomes.forEach((inc, i) => {
      if (inc.person >= f.people.length) ctx.addIssue({ code: 'custom', path: ['incomes', i, 'person'], message: 'No such person' });
    });
  });

export type PlanForm = z.infer<typeof planFormSchema>;

export const defaultPlanForm: PlanForm = {
  name: 'Retirement plan',
  startBalance: 0,
  untilAge: 95,
  inflationPct: 2.5,
  equityReturnPct: 6.5,
  equityVolatilityPct: 17,
  bondReturnPct: 3,
  bondVolatilityPct: 6,
  correlation: 0.1,
  equityWeightPct: 70,
  annualFeePct: 0.2,
  monthlySaving: 1000,
  targetSuccessPct: 85,
  paths: 10_000,
  seed: 1,
  people: [{ name: 'Me', age: 45, retirementAge: 65 }],
  incomes: [],
  goals: [{ name: 'Retirement', kind: 'retirement', priority: 1, amount: 50_000, age: 95 }],
  taxes: defaultTaxesForm,
};

const round = (v: number, digits = 10) => Number(v.toFixed(digits));
const frac = (p: number) => round(p / 100);

function toTaxes(t: TaxesForm): Record<string, unknown> {
  return {
    filingStatus: t.filingStatus,
    stateRate: frac(t.stateRatePct),
    accounts: { taxable: t.taxable, taxableBasis: t.taxableBasis, taxDeferred: t.taxDeferred, taxFree: t.taxFree, hsa: t.hsa },
    withdrawalOrder: t.withdrawalOrder,
    ...(t.withdrawalOrder === 'fillBracket' ? { fillBracketRate: frac(t.fillBracketRatePct) } : {}),
    contributionAccount: t.contributionAccount,
  };
}

export function toScenario(f: PlanForm): Record<string, unknown> {
  const w = frac(f.equityWeightPct);
  return {
    // With taxes the accounts are the money: the engine requires them to add up to the start balance.
    startBalance: f.taxes.enabled ? taxAccountsTotal(f.taxes) : f.startBalance,
    horizonMonths: (f.untilAge - f.people[0]!.age) * 12,
    inflation: frac(f.inflationPct),
    assets: [
      { name: 'Equity', expectedReturn: frac(f.equityReturnPct), volatility: frac(f.equityVolatilityPct) },
      { name: 'Bonds', expectedReturn: frac(f.bondReturnPct), volatility: frac(f.bondVolatilityPct) },
    ],
    correlations: [
      [1, f.correlation],
      [f.correlation, 1],
    ],
    allocation: { weights: [w, round(1 - w)], rebalance: 'monthly' },
    annualFee: frac(f.annualFeePct),
    paths: f.paths,
    seed: f.seed,
    targetSuccess: frac(f.targetSuccessPct),
    plan: {
      people: f.people.map((p) => ({ name: p.name, age: p.age, retirementAge: p.retirementAge })),
      monthlySaving: f.monthlySaving,
      incomes: f.incomes.map((i) => ({
        kind: i.kind,
        person: i.person,
        annualAmount: i.annualAmount,
        ...(i.kind === 'salary' ? { growth: frac(i.growthPct) } : { fromAge: i.fromAge ?? f.people[i.person]?.retirementAge ?? 67 }),
      })),
      goals: f.goals.map((g) =>
        g.kind === 'retirement'
          ? { name: g.name, kind: g.kind, priority: g.priority, annualAmount: g.amount, untilAge: g.age }
          : { name: g.name, kind: g.kind, priority: g.priority, amount: g.amount, atAge: g.age },
      ),
    },
    ...(f.taxes.enabled ? { taxes: toTaxes(f.taxes) } : {}),
  };
}

const num = z.number();
const storedScenario = z.object({
  startBalance: num,
  horizonMonths: num,
  inflation: num.optional(),
  assets: z.tuple([z.object({ expectedReturn: num, volatility: num }), z.object({ expectedReturn: num, volatility: num })]),
  correlations: z.tuple([z.tuple([num, num]), z.tuple([num, num])]),
  allocation: z.object({ weights: z.tuple([num, num]), glidePath: z.undefined().optional() }),
  annualFee: num.optional(),
  paths: num.optional(),
  seed: num.optional(),
  targetSuccess: num.optional(),
  plan: z.object({
    people: z.array(z.object({ name: z.string(), age: num, retirementAge: num })),
    monthlySaving: num.optional(),
    incomes: z.array(z.object({ kind: z.enum(['salary', 'pension', 'socialSecurity']), person: num, annualAmount: num, fromAge: num.optional(), growth: num.optional() })).optional(),
    goals: z.array(z.object({ name: z.string(), kind: z.enum(['retirement', 'lumpSum']), priority: num.optional(), annualAmount: num.optional(), amount: num.optional(), untilAge: num.optional(), atAge: num.optional() })),
  }),
  // Only what the form shows: a stored block with more (a Roth conversion, a tax year) is edited as JSON.
  taxes: z
    .strictObject({
      filingStatus: z.enum(['single', 'marriedFilingJointly']).optional(),
      stateRate: num.optional(),
      accounts: z.strictObject({ taxable: num.optional(), taxableBasis: num.optional(), taxDeferred: num.optional(), taxFree: num.optional(), hsa: num.optional() }),
      withdrawalOrder: z.enum(['taxableFirst', 'proportional', 'fillBracket']).optional(),
      fillBracketRate: num.optional(),
      contributionAccount: z.enum(['taxable', 'taxDeferred', 'taxFree', 'hsa']).optional(),
    })
    .optional(),
});

/**
 * The form for a stored scenario, or null when the scenario uses something the form cannot
 * show (more assets, a glide path, cash flows, a spending rule): those are edited as JSON.
 */
export function fromScenario(name: string, scenario: unknown): PlanForm | null {
  const known = new Set(['startBalance', 'horizonMonths', 'inflation', 'assets', 'correlations', 'allocation', 'annualFee', 'paths', 'seed', 'targetSuccess', 'plan', 'taxes']);
  if (typeof scenario !== 'object' || scenario === null || Object.keys(scenario).some((k) => !known.has(k))) return null;
  const parsed = storedScenario.safeParse(scenario);
  if (!parsed.success) return null;
  const s = parsed.data;
  const pc = (v: number | undefined, fallback: number) => round((v ?? fallback) * 100, 8);
  const first = s.plan.people[0];
  if (!first) return null;
  return {
    name,
    startBalance: s.startBalance,
    untilAge: first.age + s.horizonMonths / 12,
    inflationPct: pc(s.inflation, 0),
    equityReturnPct: pc(s.assets[0].expectedReturn, 0),
    equityVolatilityPct: pc(s.assets[0].volatility, 0),
    bondReturnPct: pc(s.assets[1].expectedReturn, 0),
    bondVolatilityPct: pc(s.assets[1].volatility, 0),
    correlation: s.correlations[0][1],
    equityWeightPct: pc(s.allocation.weights[0], 0),
    annualFeePct: pc(s.annualFee, 0),
    monthlySaving: s.plan.monthlySaving ?? 0,
    targetSuccessPct: pc(s.targetSuccess, 0.85),
    paths: s.paths ?? 10_000,
    seed: s.seed ?? 1,
    people: s.plan.people,
    incomes: (s.plan.incomes ?? []).map((i) => ({ kind: i.kind, person: i.person, annualAmount: i.annualAmount, fromAge: i.fromAge, growthPct: pc(i.growth, 0) })),
    goals: s.plan.goals.map((g) => ({
      name: g.name,
      kind: g.kind,
      priority: g.priority ?? 1,
      amount: (g.kind === 'retirement' ? g.annualAmount : g.amount) ?? 0,
      age: (g.kind === 'retirement' ? g.untilAge : g.atAge) ?? 0,
    })),
    taxes: s.taxes ? fromTaxes(s.taxes) : defaultTaxesForm,
  };
}

function fromTaxes(t: NonNullable<z.infer<typeof storedScenario>['taxes']>): TaxesForm {
  const a = t.accounts;
  return {
    enabled: true,
    filingStatus: t.filingStatus ?? 'single',
    stateRatePct: round((t.stateRate ?? 0) * 100, 8),
    taxable: a.taxable ?? 0,
    // The engine's default basis is the taxable balance (no unrealised gain).
    taxableBasis: a.taxableBasis ?? a.taxable ?? 0,
    taxDeferred: a.taxDeferred ?? 0,
    taxFree: a.taxFree ?? 0,
    hsa: a.hsa ?? 0,
    withdrawalOrder: t.withdrawalOrder ?? 'taxableFirst',
    fillBracketRatePct: round((t.fillBracketRate ?? 0.12) * 100, 8),
    contributionAccount: t.contributionAccount ?? 'taxable',
  };
}
