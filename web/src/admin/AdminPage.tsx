import { useState } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { AssumptionsSection } from './AssumptionsSection';
import { JobsTable } from './JobsTable';
import { AdvisorVerificationSection, UsersSection } from './PeopleSections';
import { StrategyModerationSection } from '../strategies/ModerationSection';
import { useDetailedHealth, useIsAdmin, useJobRuns, useJobs, useProviderSearch, useSetMapping, useSharedInstruments, useTriggerJob } from './queries';

const PRICE_PROVIDERS = ['stooq', 'alphavantage', 'yahoo', 'local'];

const when = (utc: string | null | undefined) => (utc ? new Date(utc).toLocaleString() : '—');

/**
 * The operator's page (admins): users and roles, advisor verification (docs/advisors.md), scheduled jobs with their last and next runs and a Trigger button,
 * the health of the scheduler, the database and each market-data provider, and which provider and
 * symbol price each shared instrument (edit, search a provider). docs/market-data.md.
 */
export function AdminPage() {
  const admin = useIsAdmin();
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 p-4">
      <h1>Administration</h1>
      {!admin ? (
        <Empty>
          This page is for administrators. Your households are on the{' '}
          <Link to="/" className="text-brand-700 underline">
            households page
          </Link>
          .
        </Empty>
      ) : (
        <>
          <UsersSection />
          <AdvisorVerificationSection />
          <StrategyModerationSection />
          <AssumptionsSection />
          <JobsSection />
          <HealthSection />
          <MappingSection />
        </>
      )}
    </main>
  );
}

function JobsSection() {
  const jobs = useJobs();
  const trigger = useTriggerJob();
  const [shown, setShown] = useState<string | null>(null);
  const runs = useJobRuns(shown);
  return (
    <section className="card overflow-x-auto" aria-labelledby="jobs-heading">
      <h2 id="jobs-heading" className="mb-2">
        Scheduled jobs
      </h2>
      {trigger.isError && <ErrorMessage error={trigger.error} title="The job could not be triggered" />}
      {trigger.isSuccess && (
        <p role="status" className="text-sm text-slate-700">
          {trigger.variables} was triggered; its run appears below when a node picks it up.
        </p>
      )}
      <QueryView query={jobs} loadingLabel="Loading jobs…">
        {(list) => (
          <JobsTable
            jobs={list}
            triggering={trigger.isPending ? trigger.variables : null}
            onTrigger={(name) => {
              setShown(name);
              trigger.mutate(name);
            }}
            onShowRuns={setShown}
          />
        )}
      </QueryView>
      {shown && (
        <div className="mt-3">
          <h3>Runs of {shown}</h3>
          <QueryView query={runs} loadingLabel="Loading runs…">
            {(list) =>
              list.length === 0 ? (
                <Empty>No run yet.</Empty>
              ) : (
                <table className="table" data-testid="job-runs">
                  <thead>
                    <tr>
                      <th scope="col">Started</th>
                      <th scope="col">Node</th>
                      <th scope="col">Trigger</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Message</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((r) => (
                      <tr key={r.id}>
                        <td>{when(r.startedUtc)}</td>
                        <td>{r.instance}</td>
                        <td>{r.trigger}</td>
                        <td>{r.outcome}</td>
                        <td className="text-xs">{r.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </QueryView>
        </div>
      )}
    </section>
  );
}

function HealthSection() {
  const health = useDetailedHealth();
  return (
    <section className="card overflow-x-auto" aria-labelledby="health-heading">
      <h2 id="health-heading" className="mb-2">
        Health
      </h2>
      <QueryView query={health} loadingLabel="Loading health…">
        {(h) => (
          <>
            <p className="text-sm" data-testid="health-summary">
              Status: <strong>{h.status}</strong> · database {h.database.provider} {h.database.reachable ? 'reachable' : 'unreachable'} · scheduler {h.scheduler.state}
              {h.scheduler.instanceId ? ` (${h.scheduler.instanceId}${h.scheduler.clustered ? ', clustered' : ''})` : ''}
            </p>
            <table className="table" data-testid="provider-health">
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col">Circuit</th>
                  <th scope="col">Last success</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {h.providers.map((p) => (
                  <tr key={p.provider}>
                    <td>{p.provider}</td>
                    <td>{p.circuit}</td>
                    <td>{when(p.lastSuccessUtc)}</td>
                    <td className="text-xs">{p.lastError ? `${when(p.lastErrorUtc)}: ${p.lastError}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </QueryView>
    </section>
  );
}

function MappingSection() {
  const instruments = useSharedInstruments();
  const save = useSetMapping();
  // The instrument list does not carry the mapping: what was saved here is shown with its effective provider and symbol.
  const [saved, setSaved] = useState<Record<string, { provider: string | null; symbol: string | null }>>({});
  const [editing, setEditing] = useState<{ id: string; provider: string; symbol: string } | null>(null);
  const [query, setQuery] = useState('');
  const [searchProvider, setSearchProvider] = useState('alphavantage');
  const [asked, setAsked] = useState('');
  const search = useProviderSearch(searchProvider, asked);
  return (
    <section className="card overflow-x-auto" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading" className="mb-2">
        Instrument → provider
      </h2>
      {save.isError && <ErrorMessage error={save.error} title="The mapping was not saved" />}
      <QueryView query={instruments} loadingLabel="Loading instruments…">
        {(list) =>
          list.length === 0 ? (
            <Empty>No shared instrument yet.</Empty>
          ) : (
            <table className="table" data-testid="mapping-table">
              <thead>
                <tr>
                  <th scope="col">Instrument</th>
                  <th scope="col">Exchange</th>
                  <th scope="col">Provider (as saved here)</th>
                  <th scope="col">Provider symbol</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((i) =>
                  editing?.id === i.id ? (
                    <tr key={i.id}>
                      <td>{i.symbol}</td>
                      <td>{i.exchange}</td>
                      <td>
                        <select aria-label={`Provider of ${i.symbol}`} value={editing.provider} onChange={(e) => setEditing({ ...editing, provider: e.target.value })}>
                          <option value="">Exchange default</option>
                          {PRICE_PROVIDERS.map((p) => (
                            <option key={p}>{p}</option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input aria-label={`Provider symbol of ${i.symbol}`} value={editing.symbol} maxLength={64} onChange={(e) => setEditing({ ...editing, symbol: e.target.value })} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn"
                          onClick={() =>
                            save.mutate(
                              { instrumentId: i.id, provider: editing.provider || null, symbol: editing.symbol.trim() || null },
                              {
                                onSuccess: (m) => {
                                  setSaved((all) => ({ ...all, [i.id]: { provider: m.effectiveProvider ?? null, symbol: m.effectiveSymbol ?? null } }));
                                  setEditing(null);
                                },
                              },
                            )
                          }
                        >
                          Save
                        </button>{' '}
                        <button type="button" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </td>
                    </tr>
                  ) : (
                    <tr key={i.id}>
                      <td>{i.symbol}</td>
                      <td>{i.exchange}</td>
                      <td>{saved[i.id] ? (saved[i.id]?.provider ?? 'none') : '—'}</td>
                      <td>{saved[i.id]?.symbol ?? '—'}</td>
                      <td>
                        <button type="button" className="btn" aria-label={`Edit ${i.symbol}`} onClick={() => setEditing({ id: i.id, provider: saved[i.id]?.provider ?? '', symbol: saved[i.id]?.symbol ?? '' })}>
                          Edit
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          )
        }
      </QueryView>
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(query.trim());
        }}
      >
        <label className="text-sm">
          Search provider{' '}
          <select value={searchProvider} onChange={(e) => setSearchProvider(e.target.value)}>
            {PRICE_PROVIDERS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          for <input value={query} maxLength={64} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit" className="btn">
          Search
        </button>
      </form>
      {asked && (
        <QueryView query={search} loadingLabel="Searching…">
          {(matches) =>
            matches.length === 0 ? (
              <Empty>No match (some providers have no search).</Empty>
            ) : (
              <ul className="mt-2 text-sm" data-testid="search-results">
                {matches.map((m) => (
                  <li key={m.symbol}>
                    <code>{m.symbol}</code> {m.name}
                    {editing && (
                      <button type="button" className="ml-2 underline" onClick={() => setEditing({ ...editing, provider: searchProvider, symbol: m.symbol })}>
                        Use for the instrument being edited
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      )}
    </section>
  );
}
