import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useValuation } from '../household/queries';
import { usePlans } from '../plans/queries';
import { PlanEditor } from '../plans/PlanEditor';
import { defaultPlanForm, toScenario, type PlanForm } from '../plans/scenarioForm';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { formatInstant } from '../lib/format';

export function PlansPage() {
  const householdId = useHouseholdId();
  const plans = usePlans(householdId);
  const valuation = useValuation(householdId);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (f: PlanForm) =>
      unwrap(api.POST('/api/households/{householdId}/plans', { params: { path: { householdId } }, body: { name: f.name, scenario: toScenario(f) } })),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: keys.plans(householdId) });
      void navigate(plan.id);
    },
  });
  return (
    <>
      <h1>Plans</h1>
      <section className="card" aria-labelledby="plans-heading">
        <h2 id="plans-heading" className="mb-2">
          Saved plans
        </h2>
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
        <PlanEditor
          initial={{ ...defaultPlanForm, startBalance: valuation.data?.netWorth ?? 0 }}
          submitLabel="Create plan"
          busy={create.isPending}
          onSubmit={(f) => create.mutate(f)}
          netWorth={valuation.data?.netWorth}
        />
        {create.isError && <div className="mt-3"><ServerFieldErrors error={create.error} /></div>}
      </section>
    </>
  );
}

/** The server's own refusal (it validates the scenario again and names the field). */
export function ServerFieldErrors({ error }: { error: unknown }) {
  return <ErrorMessage error={error} title="The plan was not saved" />;
}
