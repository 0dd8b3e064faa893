import { useState } from 'react';
import { Link } from 'react-router';
import { QueryView, ErrorMessage } from '../components/DataState';
import { useClientHousehold } from '../advisor/queries';
import { describeEffect } from './effect';
import { useDecide, useRecommendations, type Recommendation } from './queries';

/** How many the dashboard shows: the best three (the list is ranked by the server). */
export const CardSize = 3;

/**
 * The dashboard's top recommendations (docs/recommendations.md): each with its explanation, effect and learning article,
 * accepted or dismissed with a reason. An advisor seeing a client's household through a grant reads the same list
 * without the buttons (the decisions are the household's own).
 */
export function RecommendationsCard({ householdId }: { householdId: string }) {
  const recommendations = useRecommendations(householdId);
  const { client } = useClientHousehold(householdId);
  return (
    <section className="card space-y-2" aria-labelledby="recommendations-heading">
      <h2 id="recommendations-heading">Recommendations</h2>
      <QueryView query={recommendations} loadingLabel="Working out your recommendations…">
        {(list) =>
          list.items.length === 0 ? (
            <p className="text-sm" data-testid="recommendations-none">
              Nothing to recommend today{list.dismissed > 0 ? ` (${list.dismissed} dismissed)` : ''}.
            </p>
          ) : (
            <>
              <ol className="space-y-3" data-testid="recommendations">
                {list.items.slice(0, CardSize).map((r) => (
                  <RecommendationItem key={r.key} householdId={householdId} item={r} currency={list.currency} readOnly={client !== undefined} />
                ))}
              </ol>
              <p className="text-xs text-slate-600">
                {list.items.length > CardSize && `${list.items.length - CardSize} more not shown. `}
                {list.dismissed > 0 && `${list.dismissed} dismissed until their numbers change.`}
              </p>
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function RecommendationItem({ householdId, item, currency, readOnly }: { householdId: string; item: Recommendation; currency: string; readOnly: boolean }) {
  const decide = useDecide(householdId);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const effect = describeEffect(item, currency);
  return (
    <li className="space-y-1 rounded-md border border-slate-200 p-2 text-sm" data-testid="recommendation" data-kind={item.kind}>
      <p className="font-medium">
        {item.title}
        {item.status === 'Accepted' && <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">Accepted</span>}
      </p>
      <p>{item.explanation}</p>
      {effect && (
        <p>
          <span className="font-medium">Effect:</span> {effect}
        </p>
      )}
      {item.article && (
        <Link to={`/learn/${item.article}`} className="text-brand-700 underline">
          Learn why
        </Link>
      )}
      {!readOnly && item.status !== 'Accepted' && (
        <div className="flex flex-wrap items-end gap-2 pt-1">
          <button type="button" className="btn-secondary" disabled={decide.isPending} onClick={() => decide.mutate({ key: item.key, status: 'Accepted' })}>
            Accept
          </button>
          {dismissing ? (
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                decide.mutate({ key: item.key, status: 'Dismissed', reason: reason.trim() });
              }}
            >
              <label>
                <span className="label">Why dismiss it?</span>
                <input className="input" value={reason} maxLength={2000} required onChange={(e) => setReason(e.target.value)} />
              </label>
              <button type="submit" className="btn" disabled={decide.isPending || reason.trim() === ''}>
                Dismiss
              </button>
              <button type="button" className="btn-secondary" onClick={() => setDismissing(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <button type="button" className="btn-secondary" onClick={() => setDismissing(true)}>
              Dismiss…
            </button>
          )}
        </div>
      )}
      {decide.isError && <ErrorMessage error={decide.error} title="Could not record that" />}
    </li>
  );
}
