import { formatMoney, formatPercent } from '../lib/format';
import { statusText, type Goal } from './goalSchema';

/** A goal's funded share as a bar with its numbers, and its status from the plan's newest run. */
export function GoalProgress({ goal }: { goal: Goal }) {
  const share = goal.fundedShare ?? 0;
  const status = statusText[goal.status];
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-baseline gap-2 text-sm">
        <span data-testid="goal-funded">
          {goal.fundedValue === null ? 'Funding accounts cannot be valued today' : `${formatMoney(goal.fundedValue, goal.currency)} of ${formatMoney(goal.targetAmount, goal.currency)} (${formatPercent(share)})`}
        </span>
        <span className={`ml-auto rounded px-2 py-0.5 text-xs font-medium ${status.className}`} data-testid="goal-status">
          {status.label}
          {goal.successProbability !== null && goal.successProbability !== undefined && goal.status !== 'NotTested' ? ` · ${formatPercent(goal.successProbability)} success` : ''}
        </span>
      </div>
      <div role="progressbar" aria-label={`${goal.name} funded`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} className="h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-2 rounded bg-brand-600" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
