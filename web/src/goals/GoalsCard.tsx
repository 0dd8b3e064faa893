import { Link } from 'react-router';
import { QueryView } from '../components/DataState';
import { GoalProgress } from './GoalProgress';
import { useGoals } from './queries';

/** The dashboard's goals: each with its progress and status (docs/goals.md). */
export function GoalsCard({ householdId }: { householdId: string }) {
  const goals = useGoals(householdId);
  return (
    <section className="card space-y-2" aria-labelledby="goals-heading">
      <h2 id="goals-heading">Goals</h2>
      <QueryView query={goals} loadingLabel="Loading goals…">
        {(list) =>
          list.length === 0 ? (
            <p className="text-sm">
              No goals yet.{' '}
              <Link to="../goals" relative="path" className="text-brand-700 underline">
                Add what you are saving for
              </Link>{' '}
              and see how far along it is.
            </p>
          ) : (
            <ul className="space-y-3" data-testid="dashboard-goals">
              {list.map((g) => (
                <li key={g.id}>
                  <p className="font-medium">{g.name}</p>
                  <GoalProgress goal={g} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
