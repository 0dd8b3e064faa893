import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, usePeople, useValuation } from '../household/queries';
import { usePlans } from '../plans/queries';
import { PlanEditor } from '../plans/PlanEditor';
import { toScenario, type PlanForm } from '../plans/scenarioForm';
import { prefillPlan } from '../plans/prefill';
import { useCurrentAssumptions } from '../portfolio/queries';
import { Empty, ErrorMessage, Loading, QueryView } from '../components/DataState';
import { formatDate, formatInstant } from '../lib/format';

export function PlansPage() {
  const householdId = useHouseholdId();
  const plans = usePlans(householdId);
  const valuation = useValuation(householdId);
  const people = usePeople(householdId);
  const assumptions = useCurrentAssumptions();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (f: PlanForm) =>
      unwrap(api.POST('/api/v1/households/{householdId}/plans', { params: { path: { householdId } }, body: { name: f.name, scenario: toScenario(f) } })),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: keys.plans(householdId) });
      void navigate(plan.id);
    },
  });
  return (
    <>
      <h1>Plans</h1>
      <section className="card" aria-labelledby="plans-heading">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="plans-heading">Saved plans</h2>
          {(plans.data?.length ?? 0) >= 2 && (
            <Link to="compare" className="text-sm text-brand-700 underline">
              Compare plans
            </Link>
          )}
        </div>
        <QueryView query={plans}>
          {(list) =>
            list.length === 0 ? (
              <Empty>No plan yet. Describe your household below and run it.</Empty>
            ) : (
              <ul className="divide-y divide-slate-100">
                {list.map((p) => (
                  <li key={p.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <Link to={p.id} className="font-medium text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                    <span className="text-sm text-slate-600">created {formatInstant(p.createdUtc)}</span>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <section className="card" aria-labelledby="new-plan-heading">
        <h2 id="new-plan-heading" className="mb-3">
          New plan
        </h2>
        {/* The form reads its values once: it waits for the household's people, valuation and the current assumptions (any may fail: the defaults stay). */}
        {people.isPending || valuation.isPending || assumptions.isPending ? (
          <Loading label="Reading the household…" />
        ) : (
          <NewPlanEditor
            prefill={prefillPlan(people.data, valuation.data, new Date().toISOString().slice(0, 10), assumptions.data)}
            busy={create.isPending}
            onSubmit={(f) => create.mutate(f)}
            netWorth={valuation.data?.netWorth}
          />
        )}
        {create.isError && <div className="mt-3"><ServerFieldErrors error={create.error} /></div>}
      </section>
    </>
  );
}

function NewPlanEditor({ prefill, busy, onSubmit, netWorth }: { prefill: ReturnType<typeof prefillPlan>; busy: boolean; onSubmit: (f: PlanForm) => void; netWorth: number | undefined }) {
  const { form, people, balance, assumptions } = prefill;
  return (
    <>
      <p className="mb-3 text-sm text-slate-600" data-testid="plan-prefill">
        {people.length > 0 ? `People from the household: ${people.join(' and ')}.` : 'No people recorded yet (Settings, People): enter them here.'}{' '}
        {balance
          ? `Starting balance: the ${balance.accounts} investment account(s) on ${formatDate(balance.asOf)}.`
          : 'No investment accounts: enter the starting balance.'}{' '}
        {assumptions && `Market assumptions: US equity and bonds from capital-market assumptions version ${assumptions.version} of ${formatDate(assumptions.asOf)}.`}
      </p>
      <PlanEditor initial={form} submitLabel="Create plan" busy={busy} onSubmit={onSubmit} netWorth={netWorth} />
    </>
  );
}

/** The server's own refusal (it validates the scenario again and names the field). */
export function ServerFieldErrors({ error }: { error: unknown }) {
  return <ErrorMessage error={error} title="The plan was not saved" />;
}
