import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useStepUp } from '../auth/StepUpDialog';
import { StepUpCancelled } from '../auth/stepUp';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { useHouseholdId } from '../household/HouseholdLayout';
import { formatInstant } from '../lib/format';
import { connectionKeys, healthText, syncSummary, type Connection, type SyncResult } from './connections';

const stepUpReason = 'Linking an institution needs a fresh confirmation: enter the six-digit code from your authenticator app (or a recovery code).';

/** Linked institutions (docs/aggregation.md): link with a public token, health, sync now, delete. */
export function ConnectionsPage() {
  const householdId = useHouseholdId();
  const connections = useQuery({
    queryKey: connectionKeys.list(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/connections', { params: { path: { householdId } } })),
  });
  return (
    <>
      <h1>Connections</h1>
      <p className="text-sm text-slate-700">
        Institutions linked through Plaid. Posted transactions of linked bank and card accounts are booked into their ledger accounts every six hours or
        when you sync; pending ones wait until they post. Holdings are compared with your positions, not booked.
      </p>
      <LinkForm householdId={householdId} />
      <section className="card space-y-3" aria-labelledby="connections-heading">
        <h2 id="connections-heading">Linked institutions</h2>
        <QueryView query={connections} loadingLabel="Loading connections…">
          {(list) =>
            list.length === 0 ? (
              <Empty>No institutions linked yet.</Empty>
            ) : (
              <ul className="space-y-3">
                {list.map((c) => (
                  <li key={c.id}>
                    <ConnectionCard householdId={householdId} connection={c} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

/**
 * Linking: a link token starts Plaid Link, which answers a public token. Without Plaid Link (development, tests) a
 * public token from Plaid's sandbox (`sandbox/public_token/create`) or the test stub is pasted here.
 */
function LinkForm({ householdId }: { householdId: string }) {
  const queryClient = useQueryClient();
  const stepUp = useStepUp(stepUpReason);
  const [publicToken, setPublicToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const linkToken = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/connections/link-token', { params: { path: { householdId } } })),
  });
  const exchange = useMutation({
    mutationFn: () =>
      stepUp.run(() =>
        unwrap(api.POST('/api/v1/households/{householdId}/connections', { params: { path: { householdId } }, body: { publicToken: publicToken.trim(), accounts: [] } })),
      ),
    onSuccess: async () => {
      setPublicToken('');
      await queryClient.invalidateQueries({ queryKey: connectionKeys.list(householdId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = publicToken.trim() === '' ? 'Enter the public token the linking widget gave you.' : null;
    setProblem(bad);
    if (!bad) exchange.mutate();
  };
  return (
    <section className="card space-y-3" aria-labelledby="link-heading">
      <h2 id="link-heading">Link an institution</h2>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn-secondary" onClick={() => linkToken.mutate()} disabled={linkToken.isPending}>
          Get a link token
        </button>
        {linkToken.data && (
          <span className="break-all font-mono text-sm" data-testid="link-token">
            {linkToken.data.linkToken}
          </span>
        )}
      </div>
      {linkToken.error && <ErrorMessage error={linkToken.error} title="No link token" />}
      <form onSubmit={submit} className="space-y-2" noValidate>
        <label htmlFor="public-token" className="label">
          Public token
        </label>
        <input
          id="public-token"
          className="input"
          value={publicToken}
          onChange={(e) => setPublicToken(e.target.value)}
          autoComplete="off"
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? 'public-token-problem' : undefined}
        />
        {problem && (
          <p id="public-token-problem" className="field-error">
            {problem}
          </p>
        )}
        <button type="submit" className="btn" disabled={exchange.isPending}>
          Connect
        </button>
      </form>
      {exchange.error && !(exchange.error instanceof StepUpCancelled) && <ErrorMessage error={exchange.error} title="Not linked" />}
      {stepUp.dialog}
    </section>
  );
}

function ConnectionCard({ householdId, connection }: { householdId: string; connection: Connection }) {
  const queryClient = useQueryClient();
  const path = { householdId, connectionId: connection.id };
  const [result, setResult] = useState<SyncResult | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: connectionKeys.list(householdId) });
  const sync = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/connections/{connectionId}/sync', { params: { path } })),
    onSuccess: async (r) => {
      setResult(r);
      await refresh();
    },
    onError: refresh,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/households/{householdId}/connections/{connectionId}', { params: { path } })),
    onSuccess: refresh,
  });
  const bad = connection.status === 'error' || connection.status === 'relink-needed';
  return (
    <article className="rounded border border-slate-200 p-3" aria-label={connection.institutionName}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">{connection.institutionName}</h3>
        <span data-testid="connection-health" className={bad ? 'text-sm font-semibold text-red-800' : 'text-sm text-green-900'}>
          {healthText(connection)}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        Last sync: {connection.lastSyncUtc ? formatInstant(connection.lastSyncUtc) : 'never'}
        {connection.lastAttemptUtc && connection.lastAttemptUtc !== connection.lastSyncUtc ? ` · last try ${formatInstant(connection.lastAttemptUtc)}` : ''}
      </p>
      <ul className="text-sm">
        {connection.accounts.map((a) => (
          <li key={a.providerAccountId}>
            {a.name}
            {a.mask ? ` ••${a.mask}` : ''} <span className="text-slate-600">({a.subtype ?? a.type})</span>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={() => sync.mutate()} disabled={sync.isPending}>
          Sync now
        </button>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            if (globalThis.confirm(`Delete the connection to ${connection.institutionName}? Booked transactions stay.`)) remove.mutate();
          }}
          disabled={remove.isPending}
        >
          Delete
        </button>
      </div>
      {result && (
        <p role="status" className="text-sm" data-testid="sync-result">
          {syncSummary(result)}
        </p>
      )}
      {sync.error && <ErrorMessage error={sync.error} title="Sync failed" />}
      {remove.error && <ErrorMessage error={remove.error} title="Not deleted" />}
    </article>
  );
}
