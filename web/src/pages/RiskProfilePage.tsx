import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { IncomeStability, Questionnaire, RiskProfile } from '../api/types';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { useHouseholdId } from '../household/HouseholdLayout';
import { usePeople } from '../household/queries';
import { formatDate, formatInstant } from '../lib/format';
import { answerList, previewScore, riskProfileKeys, unanswered, type Answers } from '../riskprofile/riskprofile';

/** Risk profile (docs/risk-profile.md): each person's recommended level with its reason, the questionnaire, and the history. */
export function RiskProfilePage() {
  const householdId = useHouseholdId();
  const summary = useQuery({
    queryKey: riskProfileKeys.summary(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/risk-profile', { params: { path: { householdId } } })),
  });
  const questionnaire = useQuery({
    queryKey: riskProfileKeys.questionnaire,
    queryFn: () => unwrap(api.GET('/api/v1/risk-profile/questionnaire')),
    staleTime: Infinity,
  });
  return (
    <>
      <h1>Risk profile</h1>
      <p className="text-sm text-slate-700">
        Your recommended risk level (1 = most cautious, 10 = most growth) is the lower of two: your risk tolerance, from the Grable &amp; Lytton
        questionnaire, and your risk capacity, from your horizon, income, savings, debt and dependants.
      </p>
      <section className="card space-y-3" aria-labelledby="current-heading">
        <h2 id="current-heading">Current profiles</h2>
        <QueryView query={summary} loadingLabel="Loading risk profiles…">
          {(s) =>
            s.current.length === 0 ? (
              <Empty>Nobody has taken the questionnaire yet.</Empty>
            ) : (
              <ul className="space-y-3">
                {s.current.map((c) => (
                  <li key={c.personId} className="space-y-1" data-testid="risk-profile-current">
                    <p className="font-semibold">
                      {c.personName}: risk level <span data-testid="recommended-level">{c.profile.recommendedLevel}</span>
                    </p>
                    <p className="text-sm text-slate-700">
                      Tolerance level {c.profile.toleranceLevel} (score {c.profile.toleranceScore} of 47, {c.profile.toleranceBand.toLowerCase()}); capacity level{' '}
                      {c.profile.capacityLevel} ({c.profile.capacityPoints} of 12 points).
                    </p>
                    <p className="text-sm" data-testid="risk-profile-reason">
                      {c.profile.reason}
                    </p>
                    {c.retakeSuggested ? (
                      <p role="status" className="text-sm font-semibold text-amber-900">
                        These answers are over a year old: please take the questionnaire again.
                      </p>
                    ) : (
                      <p className="text-xs text-slate-600">Taken {formatInstant(c.profile.takenUtc)}; re-take suggested from {formatDate(c.retakeDue)}.</p>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <QueryView query={questionnaire} loadingLabel="Loading the questionnaire…">
        {(q) => <QuestionnaireForm householdId={householdId} questionnaire={q} />}
      </QueryView>
      <section className="card space-y-2" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <QueryView query={summary} loadingLabel="Loading the history…">
          {(s) => (s.history.length === 0 ? <Empty>No questionnaire yet.</Empty> : <History history={s.history} />)}
        </QueryView>
      </section>
    </>
  );
}

function History({ history }: { history: RiskProfile[] }) {
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="text-left">
          <th scope="col">Taken</th>
          <th scope="col">Score</th>
          <th scope="col">Tolerance</th>
          <th scope="col">Capacity</th>
          <th scope="col">Recommended</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.id}>
            <td>{formatInstant(h.takenUtc)}</td>
            <td>{h.toleranceScore}</td>
            <td>{h.toleranceLevel}</td>
            <td>{h.capacityLevel}</td>
            <td>{h.recommendedLevel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const stabilities: [IncomeStability, string][] = [
  ['Stable', 'Stable (secure salary or pension)'],
  ['Variable', 'Variable (self-employed, bonuses)'],
  ['Unstable', 'Unstable or none'],
];

function QuestionnaireForm({ householdId, questionnaire }: { householdId: string; questionnaire: Questionnaire }) {
  const queryClient = useQueryClient();
  const people = usePeople(householdId);
  const [personId, setPersonId] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [horizon, setHorizon] = useState('10');
  const [stability, setStability] = useState<IncomeStability>('Stable');
  const [fund, setFund] = useState('3');
  const [debt, setDebt] = useState('0.2');
  const [dependants, setDependants] = useState('0');
  const [missing, setMissing] = useState<number[]>([]);
  const take = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/risk-profile', {
          params: { path: { householdId } },
          body: {
            personId,
            answers: answerList(questionnaire.items, answers),
            horizonYears: Number(horizon),
            incomeStability: stability,
            emergencyFundMonths: Number(fund),
            debtServiceRatio: Number(debt),
            dependants: Number(dependants),
          },
        }),
      ),
    onSuccess: () => {
      setAnswers({});
      void queryClient.invalidateQueries({ queryKey: riskProfileKeys.summary(householdId) });
    },
  });
  const chosen = personId || people.data?.[0]?.id || '';
  const score = previewScore(questionnaire.items, answers);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const open = unanswered(questionnaire.items, answers);
    setMissing(open);
    if (open.length > 0 || !chosen) return;
    if (!personId) setPersonId(chosen);
    take.mutate();
  };
  if (people.isSuccess && people.data.length === 0) {
    return (
      <section className="card">
        <Empty>Add a person to the household (Settings) before taking the questionnaire.</Empty>
      </section>
    );
  }
  return (
    <form className="card space-y-4" aria-labelledby="questionnaire-heading" onSubmit={submit} noValidate>
      <h2 id="questionnaire-heading">Take the questionnaire</h2>
      <p className="text-xs text-slate-600">{questionnaire.citation}</p>
      <Field label="Person">
        {(p) => (
          <select {...p} className="input" value={chosen} onChange={(e) => setPersonId(e.target.value)}>
            {(people.data ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <h3 className="font-semibold">Risk tolerance</h3>
      <ol className="space-y-3">
        {questionnaire.items.map((item) => (
          <li key={item.number}>
            <fieldset aria-invalid={missing.includes(item.number)}>
              <legend className="text-sm font-medium">
                {item.number}. {item.text}
              </legend>
              {item.options.map((o) => (
                <label key={o.key} className="block text-sm">
                  <input
                    type="radio"
                    name={`item-${item.number}`}
                    value={o.key}
                    checked={answers[item.number] === o.key}
                    onChange={() => setAnswers((a) => ({ ...a, [item.number]: o.key }))}
                  />{' '}
                  {o.key}. {o.text}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ol>
      <h3 className="font-semibold">Risk capacity</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Years until you need the money">{(p) => <input {...p} type="number" min={0} max={100} value={horizon} onChange={(e) => setHorizon(e.target.value)} className="input" />}</Field>
        <Field label="Income">
          {(p) => (
            <select {...p} className="input" value={stability} onChange={(e) => setStability(e.target.value as IncomeStability)}>
              {stabilities.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Emergency fund (months of spending)">{(p) => <input {...p} type="number" min={0} step="any" value={fund} onChange={(e) => setFund(e.target.value)} className="input" />}</Field>
        <Field label="Debt payments / gross income" hint="Monthly debt payments divided by gross monthly income, e.g. 0.25">
          {(p) => <input {...p} type="number" min={0} step="any" value={debt} onChange={(e) => setDebt(e.target.value)} className="input" />}
        </Field>
        <Field label="Dependants">{(p) => <input {...p} type="number" min={0} max={20} value={dependants} onChange={(e) => setDependants(e.target.value)} className="input" />}</Field>
      </div>
      {score !== null && <p className="text-sm">Tolerance score so far: {score} of 47.</p>}
      {missing.length > 0 && (
        <p role="alert" className="text-sm text-red-800">
          Answer every item: {missing.join(', ')} still open.
        </p>
      )}
      {take.isError && <ErrorMessage error={take.error} title="Could not save the questionnaire" />}
      {take.isSuccess && (
        <p role="status" className="text-sm text-green-900">
          Saved: risk level {take.data.recommendedLevel}.
        </p>
      )}
      <button type="submit" className="btn" disabled={take.isPending}>
        See my risk level
      </button>
    </form>
  );
}
