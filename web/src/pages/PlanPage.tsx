import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Plan, SimulationRun } from '../api/types';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useHousehold, useValuation } from '../household/queries';
import { usePlan, useRuns } from '../plans/queries';
import { PlanEditor } from '../plans/PlanEditor';
import { FanChart } from '../plans/FanChart';
import { TaxesResult } from '../plans/TaxesResult';
import { fromScenario, planFormSchema, toScenario, type PlanForm } from '../plans/scenarioForm';
import { PREVIEW_PATHS, usePlanPreview } from '../plans/usePlanPreview';
import { simulationOutput, solveOutput, type SimulationOutput } from '../plans/results';
import { describeSolve } from '../plans/solve';
import { Empty, ErrorMessage, Loading, QueryView } from '../components/DataState';
import { formatInstant, formatMoney, formatPercent } from '../lib/format';
import { useRunPollInterval } from '../realtime/useRunPollInterval';

export function PlanPage() {
  const householdId = useHouseholdId();
  const { planId = '' } = useParams();
  const plan = usePlan(householdId, planId);
  return (
    <QueryView query={plan}>
      {(p) => (
        <>
          <h1>{p.name}</h1>
          <SimulationSection householdId={householdId} plan={p} />
          <SolveSection householdId={householdId} plan={p} />
          <EditSection householdId={householdId} plan={p} />
        </>
      )}
    </QueryView>
  );
}

function useCurrency(householdId: string) {
  return useHousehold(householdId).data?.reportingCurrency ?? 'USD';
}

function SimulationSection({ householdId, plan }: { householdId: string; plan: Plan }) {
  const queryClient = useQueryClient();
  const currency = useCurrency(householdId);
  const runs = useRuns(householdId, plan.id);
  const [money, setMoney] = useState<'real' | 'nominal'>('real');
  const [selected, setSelected] = useState<string | null>(null);
  const scenarioPaths = (plan.scenario as { paths?: number } | null)?.paths ?? 10_000;
  const [paths, setPaths] = useState(scenarioPaths);

  // The server queues the run (202) and pushes its progress (runProgress); this page polls only while the hub is down.
  const simulate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/plans/{planId}/simulations', {
          params: { path: { householdId, planId: plan.id } },
          body: { paths, seed: null },
        }),
      ),
    onSuccess: async (run) => {
      setSelected(run.id);
      queryClient.setQueryData(['run', run.id], run);
      await queryClient.invalidateQueries({ queryKey: keys.runs(householdId, plan.id) });
    },
  });

  const pollInterval = useRunPollInterval();
  const simulations = runs.data?.filter((r) => r.kind === 'Simulate') ?? [];
  const shownId = selected ?? simulations[0]?.id ?? null;
  const run = useQuery({
    queryKey: ['run', shownId],
    enabled: shownId !== null,
    queryFn: () =>
      unwrap(api.GET('/api/v1/households/{householdId}/plans/{planId}/simulations/{runId}', { params: { path: { householdId, planId: plan.id, runId: shownId! } } })),
    // A finished run never changes; a queued or running one follows the hub's runProgress, and is
    // polled once a second only while the hub is not connected (the API allows 60 requests a minute).
    staleTime: (q) => (isActive(q.state.data) ? 0 : Infinity),
    refetchInterval: (q) => (isActive(q.state.data) ? pollInterval : false),
  });
  const active = isActive(run.data);
  const finished = useRef<string | null>(null);
  useEffect(() => {
    if (run.data && !isActive(run.data) && finished.current !== run.data.id) {
      finished.current = run.data.id;
      void queryClient.invalidateQueries({ queryKey: keys.runs(householdId, plan.id) });
    }
  }, [run.data, queryClient, householdId, plan.id]);

  const cancel = useMutation({
    mutationFn: (runId: string) =>
      unwrap(api.POST('/api/v1/households/{householdId}/plans/{planId}/simulations/{runId}/cancel', { params: { path: { householdId, planId: plan.id, runId } } })),
    onSuccess: (r) => queryClient.setQueryData(['run', r.id], r),
  });

  return (
    <section className="card space-y-3" aria-labelledby="sim-heading">
      <h2 id="sim-heading">Simulation</h2>
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="label">Paths</span>
          <input type="number" className="input w-36" min={1} max={2_000_000} value={paths} onChange={(e) => setPaths(Number(e.target.value))} />
        </label>
        <button type="button" className="btn" disabled={simulate.isPending || active || !(paths >= 1 && paths <= 2_000_000)} onClick={() => simulate.mutate()}>
          Run simulation
        </button>
        {active && run.data && (
          <button type="button" className="btn-secondary" disabled={cancel.isPending} onClick={() => cancel.mutate(run.data.id)}>
            Cancel
          </button>
        )}
      </div>
      {active && run.data && <RunProgress run={run.data} />}
      {simulate.isError && <ErrorMessage error={simulate.error} title="The simulation did not run" />}
      {cancel.isError && <ErrorMessage error={cancel.error} title="Could not cancel the run" />}
      {shownId === null ? (
        runs.isPending ? <Loading /> : <Empty>No run yet.</Empty>
      ) : run.isPending ? (
        <Loading label="Loading the run…" />
      ) : run.isError ? (
        <ErrorMessage error={run.error} />
      ) : active ? null : run.data.status !== 'Succeeded' ? (
        <p role="status" className="text-sm text-slate-700">
          This run {run.data.status === 'Cancelled' ? 'was cancelled' : `failed${run.data.error ? `: ${run.data.error}` : ''}`}.
        </p>
      ) : (
        <RunResult run={run.data} money={money} setMoney={setMoney} currency={currency} />
      )}
      {simulations.length > 1 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Earlier runs ({simulations.length})</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {simulations.map((r) => (
              <li key={r.id}>
                <button type="button" className="text-brand-700 underline-offset-2 hover:underline" aria-current={r.id === shownId} onClick={() => setSelected(r.id)}>
                  {formatInstant(r.createdUtc)}: {formatPercent(r.successProbability)} success, {r.paths.toLocaleString()} paths, seed {r.seed}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function isActive(run: SimulationRun | undefined): boolean {
  return run?.status === 'Queued' || run?.status === 'Running';
}

/** The run's progress as the server reports it (0..1, moving as blocks of paths finish). */
function RunProgress({ run }: { run: SimulationRun }) {
  const percent = Math.round((run.progress ?? 0) * 100);
  return (
    <div role="status" aria-live="polite" className="space-y-1">
      <div role="progressbar" aria-label="Simulation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-2 rounded bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-700">{run.status === 'Queued' ? 'Waiting for a free simulation slot…' : `Simulating… ${percent}%`}</p>
    </div>
  );
}

function RunResult({ run, money, setMoney, currency }: { run: SimulationRun; money: 'real' | 'nominal'; setMoney: (m: 'real' | 'nominal') => void; currency: string }) {
  const parsed = simulationOutput.safeParse(run.result);
  if (!parsed.success) return <ErrorMessage error={new Error('The stored result has an unexpected shape.')} />;
  const out: SimulationOutput = parsed.data;
  const terminal = money === 'real' ? out.terminalWealthReal : out.terminalWealth;
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">Probability of success</dt>
          <dd className="text-2xl font-semibold" data-testid="success-probability">
            {formatPercent(out.successProbability)}
          </dd>
          <dd className="text-xs text-slate-600">± {formatPercent(out.successStandardError, undefined, 2)} (standard error)</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Median balance at the end</dt>
          <dd className="text-xl font-semibold">{formatMoney(terminal.p50, currency)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Median depletion</dt>
          <dd className="text-xl font-semibold">
            {out.medianDepletionAge !== undefined ? `age ${out.medianDepletionAge.toFixed(1)}` : out.medianDepletionMonth !== undefined ? `month ${out.medianDepletionMonth}` : 'never (median path)'}
          </dd>
        </div>
      </dl>
      <fieldset className="flex gap-1">
        <legend className="sr-only">Money</legend>
        <button type="button" aria-pressed={money === 'real'} className={money === 'real' ? 'btn' : 'btn-secondary'} onClick={() => setMoney('real')}>
          Today's money
        </button>
        <button type="button" aria-pressed={money === 'nominal'} className={money === 'nominal' ? 'btn' : 'btn-secondary'} onClick={() => setMoney('nominal')}>
          Nominal
        </button>
      </fieldset>
      <FanChart output={out} money={money} currency={currency} />
      {out.taxes && <TaxesResult taxes={out.taxes} money={money} currency={currency} />}
      {out.goals && out.goals.length > 0 && (
        <table className="table">
          <caption className="text-left font-semibold">Success by goal (funded in priority order)</caption>
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col" className="num">Priority</th>
              <th scope="col" className="num">Success</th>
            </tr>
          </thead>
          <tbody>
            {out.goals.map((g) => (
              <tr key={g.goal}>
                <td>{g.goal}</td>
                <td className="num">{g.priority}</td>
                <td className="num">{formatPercent(g.successProbability)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs text-slate-600">
        Run {formatInstant(run.createdUtc)} in {(run.durationMs / 1000).toFixed(1)} s.
      </p>
    </div>
  );
}

function SolveSection({ householdId, plan }: { householdId: string; plan: Plan }) {
  const queryClient = useQueryClient();
  const currency = useCurrency(householdId);
  const scenario = plan.scenario as { targetSuccess?: number; plan?: { monthlySaving?: number; goals?: { kind: string; annualAmount?: number }[] } } | null;
  const [lever, setLever] = useState<'saving' | 'retirement-age' | 'spending'>('saving');
  const [targetPct, setTargetPct] = useState(Math.round((scenario?.targetSuccess ?? 0.85) * 100));
  const solve = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/households/{householdId}/plans/{planId}/solve', { params: { path: { householdId, planId: plan.id }, query: { wait: true } }, body: { for: lever, target: targetPct / 100 } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.runs(householdId, plan.id) }),
  });
  const current =
    lever === 'saving'
      ? scenario?.plan?.monthlySaving
      : lever === 'spending'
        ? scenario?.plan?.goals?.filter((g) => g.kind === 'retirement').reduce((s, g) => s + (g.annualAmount ?? 0), 0)
        : undefined;
  const parsed = solve.data ? solveOutput.safeParse(solve.data.result) : null;
  return (
    <section className="card space-y-3" aria-labelledby="solve-heading">
      <h2 id="solve-heading">What would it take?</h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          solve.mutate();
        }}
      >
        <label className="text-sm">
          <span className="label">Solve for</span>
          <select className="input" value={lever} onChange={(e) => setLever(e.target.value as typeof lever)}>
            <option value="saving">Monthly saving</option>
            <option value="retirement-age">Retirement age</option>
            <option value="spending">Spending in retirement</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="label">Target success (%)</span>
          <input type="number" className="input w-28" min={1} max={99} value={targetPct} onChange={(e) => setTargetPct(Number(e.target.value))} />
        </label>
        <button type="submit" className="btn" disabled={solve.isPending || !(targetPct > 0 && targetPct < 100)}>
          {solve.isPending ? 'Solving…' : 'Solve'}
        </button>
      </form>
      {solve.isPending && <Loading label="Searching: each step is a full simulation…" />}
      {solve.isError && <ErrorMessage error={solve.error} title="Could not solve" />}
      {parsed?.success && (
        <p role="status" className="rounded-md bg-brand-50 p-3 font-medium" data-testid="solve-answer">
          {describeSolve(parsed.data, currency, current)}
        </p>
      )}
    </section>
  );
}

/** The plan as edited, simulated as it changes (POST …/preview, not queued, nothing saved), beside the latest saved run. */
function LivePreview({ householdId, plan, draft }: { householdId: string; plan: Plan; draft: unknown }) {
  const currency = useCurrency(householdId);
  const preview = usePlanPreview(householdId, plan.id, draft);
  const runs = useRuns(householdId, plan.id);
  const saved = runs.data?.find((r) => r.kind === 'Simulate' && r.status === 'Succeeded');
  const shown = preview.status === 'done' ? preview.output : preview.status === 'idle' ? undefined : preview.last;
  return (
    <div className="rounded-md border border-slate-200 p-3" aria-labelledby="preview-heading">
      <h3 id="preview-heading" className="font-semibold">
        What-if (live, not saved)
      </h3>
      {preview.status === 'idle' ? (
        <p className="text-sm text-slate-600">Change a field below: the plan is simulated again as you type ({PREVIEW_PATHS.toLocaleString()} paths).</p>
      ) : (
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-busy={preview.status === 'running'}>
          <div>
            <dt className="text-sm text-slate-600">Success with these edits</dt>
            <dd className="text-2xl font-semibold" data-testid="preview-success">
              {shown ? formatPercent(shown.successProbability) : '…'}
            </dd>
            <dd className="text-xs text-slate-600">Saved run: {saved ? formatPercent(saved.successProbability) : 'none yet'}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Balance at the end, today's money</dt>
            <dd className="text-sm">
              {shown ? `${formatMoney(shown.terminalWealthReal.p10, currency)} · ${formatMoney(shown.terminalWealthReal.p50, currency)} · ${formatMoney(shown.terminalWealthReal.p90, currency)}` : '…'}
            </dd>
            <dd className="text-xs text-slate-600">10th · median · 90th percentile</dd>
          </div>
        </dl>
      )}
      {preview.status !== 'idle' && (
        <p role="status" aria-live="polite" className="text-sm text-slate-600">
          {preview.status === 'running' ? 'Simulating…' : preview.status === 'done' ? 'Up to date.' : null}
        </p>
      )}
      {preview.status === 'error' && <ErrorMessage error={preview.error} title="These edits cannot be simulated" />}
    </div>
  );
}

function EditSection({ householdId, plan }: { householdId: string; plan: Plan }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const valuation = useValuation(householdId);
  const form = fromScenario(plan.name, plan.scenario);
  // The scenario as edited, previewed live; null until the first edit, or while the form is invalid.
  const [draft, setDraft] = useState<unknown>(null);
  const onChange = useCallback((f: PlanForm) => {
    const parsed = planFormSchema.safeParse(f);
    setDraft(parsed.success ? toScenario(parsed.data) : null);
  }, []);
  const [json, setJson] = useState(() => JSON.stringify(plan.scenario, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { name: string; scenario: unknown }) =>
      unwrap(api.PUT('/api/v1/households/{householdId}/plans/{planId}', { params: { path: { householdId, planId: plan.id } }, body: { ...body, version: plan.version } })),
    onSuccess: (p) => {
      queryClient.setQueryData(keys.plan(householdId, plan.id), p);
      void queryClient.invalidateQueries({ queryKey: keys.plans(householdId) });
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/households/{householdId}/plans/{planId}', { params: { path: { householdId, planId: plan.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.plans(householdId) });
      void navigate('..', { relative: 'path' });
    },
  });
  return (
    <section className="card space-y-3" aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit the plan</h2>
      {form ? (
        <>
          <LivePreview householdId={householdId} plan={plan} draft={draft} />
          <PlanEditor
            key={plan.version}
            initial={form}
            submitLabel="Save changes"
            busy={save.isPending}
            onSubmit={(f: PlanForm) => save.mutate({ name: f.name, scenario: toScenario(f) })}
            onChange={onChange}
            netWorth={valuation.data?.netWorth}
          />
        </>
      ) : (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            try {
              const scenario: unknown = JSON.parse(json);
              setJsonError(null);
              save.mutate({ name: plan.name, scenario });
            } catch (err) {
              setJsonError(err instanceof Error ? err.message : String(err));
            }
          }}
        >
          <label className="label" htmlFor="scenario-json">
            Scenario (JSON, docs/scenario-format.md): this plan uses options the form does not show.
          </label>
          <textarea id="scenario-json" className="input h-72 font-mono text-xs" value={json} onChange={(e) => setJson(e.target.value)} aria-invalid={jsonError !== null} />
          {jsonError && <p className="field-error">Not valid JSON: {jsonError}</p>}
          <button type="submit" className="btn" disabled={save.isPending}>
            Save changes
          </button>
        </form>
      )}
      {save.isError && <ErrorMessage error={save.error} title="The plan was not saved" />}
      {save.isSuccess && <p role="status" className="text-sm text-green-800">Saved.</p>}
      <div className="border-t border-slate-200 pt-3">
        <button
          type="button"
          className="btn-danger"
          disabled={remove.isPending}
          onClick={() => {
            if (confirm(`Delete "${plan.name}" and all of its runs?`)) remove.mutate();
          }}
        >
          Delete plan
        </button>
        {remove.isError && <ErrorMessage error={remove.error} title="The plan was not deleted" />}
      </div>
    </section>
  );
}
