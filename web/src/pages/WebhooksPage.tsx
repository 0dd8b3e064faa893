import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { ScrollArea } from '../components/ScrollArea';
import { useHouseholdId } from '../household/HouseholdLayout';
import { formatInstant } from '../lib/format';
import { deliveriesOf, deliveryOutcome, urlProblem, webhookEvents, webhookKeys, type CreatedWebhook, type Webhook } from '../webhooks/webhooks';

/** The household's webhooks (docs/webhooks.md): subscribe, edit, enable or disable, delete, test-send, delivery log, redeliver. */
export function WebhooksPage() {
  const householdId = useHouseholdId();
  const webhooks = useQuery({
    queryKey: webhookKeys.list(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/webhooks', { params: { path: { householdId } } })),
  });
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  return (
    <>
      <h1>Webhooks</h1>
      <p className="text-sm text-slate-700">
        Glidepath posts signed JSON to these URLs when something happens in this household. Verify each delivery with its signing secret
        (the <code>Glidepath-Signature</code> header) and de-duplicate on <code>Glidepath-Delivery</code>.
      </p>
      {created && <SecretOnce created={created} onDone={() => setCreated(null)} />}
      <WebhookForm householdId={householdId} onCreated={setCreated} />
      <section className="card space-y-3" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Subscriptions</h2>
        <QueryView query={webhooks} loadingLabel="Loading webhooks…">
          {(list) =>
            list.length === 0 ? (
              <Empty>No webhooks yet.</Empty>
            ) : (
              <ul className="space-y-3">
                {list.map((w) => (
                  <li key={w.id}>
                    <WebhookCard householdId={householdId} webhook={w} />
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

/** The secret, shown once: the server never shows it again. */
function SecretOnce({ created, onDone }: { created: CreatedWebhook; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="card space-y-2 border-amber-300 bg-amber-50" aria-labelledby="secret-heading" role="region">
      <h2 id="secret-heading">Signing secret for {created.url}</h2>
      <p className="text-sm font-semibold text-amber-950">Copy it now: you will not see this secret again.</p>
      <p className="break-all font-mono text-sm" data-testid="webhook-secret">
        {created.secret}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-secondary"
          onClick={() =>
            void navigator.clipboard.writeText(created.secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy secret
        </button>
        <button type="button" className="btn" onClick={onDone}>
          I have stored it
        </button>
      </div>
      {copied && (
        <p role="status" className="text-sm text-green-900">
          Copied to the clipboard.
        </p>
      )}
    </section>
  );
}

/** Create (no webhook) or edit (a webhook) the URL and events. */
function WebhookForm({ householdId, webhook, onCreated, onDone }: { householdId: string; webhook?: Webhook; onCreated?: (w: CreatedWebhook) => void; onDone?: () => void }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [events, setEvents] = useState<string[]>(webhook?.events ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const body = { url: url.trim(), events };
      if (webhook) {
        await unwrap(
          api.PUT('/api/v1/households/{householdId}/webhooks/{webhookId}', { params: { path: { householdId, webhookId: webhook.id } }, body: { ...body, enabled: null } }),
        );
        return null;
      }
      return unwrap(api.POST('/api/v1/households/{householdId}/webhooks', { params: { path: { householdId } }, body }));
    },
    onSuccess: async (created) => {
      if (created) {
        setUrl('');
        setEvents([]);
        onCreated?.(created);
      }
      onDone?.();
      await queryClient.invalidateQueries({ queryKey: webhookKeys.list(householdId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = urlProblem(url) ?? (events.length === 0 ? 'Choose at least one event.' : null);
    setProblem(bad);
    if (!bad) save.mutate();
  };
  const id = webhook?.id ?? 'new';
  const form = (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div>
        <label htmlFor={`webhook-url-${id}`} className="label">
          URL
        </label>
        <input
          id={`webhook-url-${id}`}
          className="input"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          autoComplete="off"
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? `webhook-problem-${id}` : undefined}
        />
      </div>
      <fieldset>
        <legend className="label">Events</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {webhookEvents.map(([name, label]) => (
            <label key={name} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={events.includes(name)} onChange={(e) => setEvents(e.target.checked ? [...events, name] : events.filter((x) => x !== name))} />
              <span>
                <code>{name}</code> <span className="text-slate-600">{label}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {problem && (
        <p id={`webhook-problem-${id}`} className="field-error">
          {problem}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="btn" disabled={save.isPending}>
          {webhook ? 'Save changes' : 'Create webhook'}
        </button>
        {webhook && (
          <button type="button" className="btn-secondary" onClick={onDone}>
            Close
          </button>
        )}
      </div>
      {save.isError && <ErrorMessage error={save.error} title={webhook ? 'The webhook was not changed' : 'The webhook was not created'} />}
    </form>
  );
  if (webhook) return form;
  return (
    <section className="card space-y-2" aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading">Add a webhook</h2>
      {form}
    </section>
  );
}

function WebhookCard({ householdId, webhook }: { householdId: string; webhook: Webhook }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const path = { householdId, webhookId: webhook.id };
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookKeys.list(householdId) });
  const toggle = useMutation({
    mutationFn: () =>
      unwrap(api.PUT('/api/v1/households/{householdId}/webhooks/{webhookId}', { params: { path }, body: { url: webhook.url, events: webhook.events, enabled: !webhook.enabled } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/households/{householdId}/webhooks/{webhookId}', { params: { path } })),
    // Its delivery log sits under the list's key: dropped, not refetched (a refetch of a deleted webhook's log is a 404).
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: webhookKeys.deliveries(householdId, webhook.id) });
      await queryClient.invalidateQueries({ queryKey: webhookKeys.list(householdId), exact: true });
    },
  });
  const test = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/webhooks/{webhookId}/test', { params: { path } })),
    onSuccess: async () => {
      setShowLog(true);
      await queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(householdId, webhook.id) });
    },
  });
  const headingId = `webhook-${webhook.id}`;
  return (
    <article className="rounded-md border border-slate-200 p-3 space-y-2" aria-labelledby={headingId} data-testid="webhook">
      <h3 id={headingId} className="break-all font-medium">
        {webhook.url}
      </h3>
      <p className="text-sm">
        <span className="font-semibold">{webhook.enabled ? 'Enabled' : 'Disabled'}</span>
        {webhook.disabledReason && <span className="text-slate-700"> ({webhook.disabledReason})</span>}
        <span className="text-slate-600"> · since {formatInstant(webhook.createdUtc)} · {webhook.events.join(', ')}</span>
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          Edit
        </button>
        <button type="button" className="btn-secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
          {webhook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="btn-secondary" disabled={test.isPending} onClick={() => test.mutate()}>
          Send test
        </button>
        <button type="button" className="btn-secondary" onClick={() => setShowLog(!showLog)} aria-expanded={showLog}>
          Delivery log
        </button>
        {confirmDelete ? (
          <>
            <button type="button" className="btn" disabled={remove.isPending} onClick={() => remove.mutate()}>
              Delete it and its log
            </button>
            <button type="button" className="btn-secondary" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="btn-secondary" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        )}
      </div>
      {test.isSuccess && (
        <p role="status" className="text-sm text-slate-700">
          A test delivery (webhook.ping) is queued.
        </p>
      )}
      {[toggle, remove, test].map((m, i) => m.isError && <ErrorMessage key={i} error={m.error} title="That did not work" />)}
      {editing && <WebhookForm householdId={householdId} webhook={webhook} onDone={() => setEditing(false)} />}
      {showLog && <DeliveryLog householdId={householdId} webhookId={webhook.id} />}
    </article>
  );
}

function DeliveryLog({ householdId, webhookId }: { householdId: string; webhookId: string }) {
  const queryClient = useQueryClient();
  const key = webhookKeys.deliveries(householdId, webhookId);
  const deliveries = useQuery({
    queryKey: key,
    queryFn: async () =>
      deliveriesOf(await unwrap(api.GET('/api/v1/households/{householdId}/webhooks/{webhookId}/deliveries', { params: { path: { householdId, webhookId }, query: {} } }))),
  });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(api.POST('/api/v1/households/{householdId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver', { params: { path: { householdId, webhookId, deliveryId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <h4 className="text-sm font-medium">Delivery log</h4>
        <button type="button" className="btn-secondary" onClick={() => void deliveries.refetch()} disabled={deliveries.isFetching}>
          Refresh
        </button>
      </div>
      <QueryView query={deliveries} loadingLabel="Loading deliveries…">
        {(list) =>
          list.length === 0 ? (
            <Empty>Nothing delivered yet.</Empty>
          ) : (
            <ScrollArea label="Delivery log">
              <table className="table" data-testid="delivery-log">
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">Event</th>
                    <th scope="col">State</th>
                    <th scope="col" className="num">Attempts</th>
                    <th scope="col">Response</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((d) => (
                    <tr key={d.id} title={deliveryOutcome(d)}>
                      <td>{formatInstant(d.createdUtc)}</td>
                      <td>
                        <code>{d.eventType}</code>
                      </td>
                      <td>{d.state}</td>
                      <td className="num">{d.attempts}</td>
                      <td>{d.lastStatus != null ? `HTTP ${d.lastStatus}` : (d.lastError ?? '—')}</td>
                      <td>
                        <button type="button" className="btn-secondary" disabled={redeliver.isPending} onClick={() => redeliver.mutate(d.id)} aria-label={`Redeliver ${d.eventType} of ${formatInstant(d.createdUtc)}`}>
                          Redeliver
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )
        }
      </QueryView>
      {redeliver.isSuccess && (
        <p role="status" className="text-sm text-slate-700">
          Queued again with the same delivery id.
        </p>
      )}
      {redeliver.isError && <ErrorMessage error={redeliver.error} title="Could not redeliver" />}
    </div>
  );
}
