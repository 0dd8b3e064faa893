import { useState } from 'react';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { useModerate, useModerationQueue } from './queries';

/** The Admin page's strategies: reports first, hide with a reason or show again (docs/strategies.md, "Moderation"). */
export function StrategyModerationSection() {
  const queue = useModerationQueue();
  const moderate = useModerate();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  return (
    <section className="card overflow-x-auto" aria-labelledby="strategy-moderation-heading">
      <h2 id="strategy-moderation-heading" className="mb-2">
        Strategies
      </h2>
      {moderate.isError && <ErrorMessage error={moderate.error} title="The strategy was not changed" />}
      <QueryView query={queue} loadingLabel="Loading strategies…">
        {(list) =>
          list.length === 0 ? (
            <Empty>No strategy is published.</Empty>
          ) : (
            <table className="w-full text-sm" data-testid="strategy-moderation">
              <thead>
                <tr className="text-left">
                  <th>Strategy</th>
                  <th>Reports</th>
                  <th>State</th>
                  <th>Action</th>
                </tr>
              </thead>
              <tbody>
                {list.map(({ strategy: s, reports, reportReasons }) => (
                  <tr key={s.id} className="align-top">
                    <td>{s.name}</td>
                    <td>
                      {reports}
                      {reportReasons.length > 0 && (
                        <ul className="list-disc pl-4 text-xs">
                          {reportReasons.map((r, i) => (
                            <li key={i}>{r}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{s.hidden ? `hidden${s.hiddenReason ? `: ${s.hiddenReason}` : ''}` : 'listed'}</td>
                    <td>
                      {s.hidden ? (
                        <button type="button" className="btn-secondary" disabled={moderate.isPending} onClick={() => moderate.mutate({ strategyId: s.id, hide: false })}>
                          Show {s.name}
                        </button>
                      ) : (
                        <div className="flex gap-2">
                          <input
                            className="input"
                            aria-label={`Why hide ${s.name}`}
                            value={reasons[s.id] ?? ''}
                            maxLength={2000}
                            onChange={(e) => setReasons({ ...reasons, [s.id]: e.target.value })}
                          />
                          <button
                            type="button"
                            className="btn-secondary"
                            disabled={moderate.isPending}
                            onClick={() => moderate.mutate({ strategyId: s.id, hide: true, reason: reasons[s.id]?.trim() || undefined })}
                          >
                            Hide {s.name}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </section>
  );
}
