import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { formatDate, formatMoney } from '../lib/format';
import {
  categoryKeys,
  formatConfidence,
  ruleFromTransaction,
  useCategoriser,
  useCategories,
  useCategorisedTransactions,
  useRules,
  type CategorisedTransaction,
  type Category,
  type Rule,
  type RuleApplication,
  type RuleRequest,
} from './queries';

/** Categories and rules (docs/categories.md): each transaction's category, set by hand; rules made from a transaction, previewed and applied. */
export function CategoriesPage() {
  const householdId = useHouseholdId();
  const categories = useCategories(householdId);
  const transactions = useCategorisedTransactions(householdId);
  const [draft, setDraft] = useState<RuleRequest | null>(null);
  const tree = categories.data ?? [];
  return (
    <>
      <h1>Categories</h1>
      <CategoriserCard householdId={householdId} />
      <section className="card" aria-labelledby="categorised-heading">
        <h2 id="categorised-heading" className="mb-2">
          Transactions
        </h2>
        <QueryView query={transactions}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No transactions yet. Import a statement or a CSV file: rules, the file&apos;s own categories and known merchants categorise them.</Empty>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <thead>
                    <tr className="text-left text-slate-600">
                      <th scope="col">Date</th>
                      <th scope="col">Payee</th>
                      <th scope="col" className="text-right">
                        Amount
                      </th>
                      <th scope="col">Category</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((t) => (
                      <TransactionRow key={t.transactionId} householdId={householdId} row={t} tree={tree} onMakeRule={() => setDraft(ruleFromTransaction(t))} />
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      </section>
      {draft ? <RuleEditor key={JSON.stringify(draft)} householdId={householdId} initial={draft} tree={tree} onDone={() => setDraft(null)} /> : null}
      <RulesSection householdId={householdId} tree={tree} onNew={() => setDraft({ name: '', payeeMatch: 'Contains' })} />
    </>
  );
}

function CategorySelect({ id, value, tree, onChange, label }: { id?: string; value: string | null | undefined; tree: Category[]; onChange: (id: string | null) => void; label?: string }) {
  return (
    <select id={id} aria-label={label} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
      <option value="">Uncategorised</option>
      {tree.map((c) => (
        <option key={c.id} value={c.id}>
          {c.path}
        </option>
      ))}
    </select>
  );
}

/** The learned categoriser (docs/categoriser.md): its model's metrics, or how many labels it still needs; train it now. */
function CategoriserCard({ householdId }: { householdId: string }) {
  const queryClient = useQueryClient();
  const status = useCategoriser(householdId);
  const train = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/categoriser/train', { params: { path: { householdId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: categoryKeys.categoriser(householdId) });
    },
  });
  return (
    <section className="card" aria-labelledby="categoriser-heading">
      <h2 id="categoriser-heading" className="mb-2">
        Learned categoriser
      </h2>
      <QueryView query={status}>
        {(s) => (
          <div data-testid="categoriser-status">
            {s.trained ? (
              <p>
                Version {s.version}, trained on {s.labelCount} rows in {s.categoryCount} categories. On {s.heldOutRows} held-out rows: accuracy{' '}
                {formatConfidence(s.accuracy ?? 0)}, macro-F1 {(s.macroF1 ?? 0).toFixed(2)}. {s.correctionsSinceTraining} of {s.retrainAfterCorrections}{' '}
                corrections before it retrains.
              </p>
            ) : (
              <p>
                Not trained yet: {s.labelsAvailable} categorised rows ({s.minimumLabels} needed). Until then rules and known merchants categorise imports.
              </p>
            )}
            <p className="text-xs text-slate-600">
              On import it sets a category when at least {formatConfidence(s.autoSetConfidence)} sure, and suggests one below that.
            </p>
            <button type="button" className="btn-secondary" onClick={() => train.mutate()} disabled={train.isPending || s.labelsAvailable < s.minimumLabels}>
              Train now
            </button>
            {train.error ? <ErrorMessage error={train.error} title="Not trained" /> : null}
          </div>
        )}
      </QueryView>
    </section>
  );
}

function TransactionRow({ householdId, row, tree, onMakeRule }: { householdId: string; row: CategorisedTransaction; tree: Category[]; onMakeRule: () => void }) {
  const queryClient = useQueryClient();
  const set = useMutation({
    mutationFn: (categoryId: string | null) =>
      unwrap(
        api.PUT('/api/v1/households/{householdId}/transactions/{transactionId}/category', {
          params: { path: { householdId, transactionId: row.transactionId } },
          body: { categoryId, payee: row.payee, tags: row.tags },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoryKeys.transactions(householdId) }),
  });
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/transactions/{transactionId}/category/accept-suggestion', {
          params: { path: { householdId, transactionId: row.transactionId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoryKeys.transactions(householdId) }),
  });
  return (
    <tr className="border-t border-slate-200" data-testid="categorised-row">
      <td className="py-1 pr-2">{formatDate(row.tradeDate)}</td>
      <td className="py-1 pr-2" data-testid="row-payee">
        {row.payee}
        {row.tags.length > 0 ? <span className="ml-1 text-xs text-slate-600">#{row.tags.join(' #')}</span> : null}
      </td>
      <td className="py-1 pr-2 text-right tabular-nums">{formatMoney(row.signedAmount, row.currency)}</td>
      <td className="py-1 pr-2" data-testid="row-category">
        {row.splits.length > 0 ? (
          <span>Split: {row.splits.map((s) => s.categoryPath ?? 'Uncategorised').join(', ')}</span>
        ) : (
          <CategorySelect label={`Category of ${row.payee} on ${row.tradeDate}`} value={row.categoryId} tree={tree} onChange={(id) => set.mutate(id)} />
        )}
        {row.source ? <span className="ml-1 text-xs text-slate-600" data-testid="row-source">{row.source}</span> : null}
        {row.suggestion ? (
          <span className="ml-1 text-xs" data-testid="row-suggestion">
            Suggested: {row.suggestion.categoryPath} ({formatConfidence(row.suggestion.confidence)}){' '}
            <button type="button" className="btn-secondary" onClick={() => accept.mutate()} disabled={accept.isPending}>
              Accept
            </button>
          </span>
        ) : null}
        {set.error ? <ErrorMessage error={set.error} title="Not saved" /> : null}
        {accept.error ? <ErrorMessage error={accept.error} title="Not accepted" /> : null}
      </td>
      <td className="py-1">
        <button type="button" className="btn-secondary" onClick={onMakeRule}>
          Make a rule
        </button>
      </td>
    </tr>
  );
}

function RuleEditor({ householdId, initial, tree, onDone }: { householdId: string; initial: RuleRequest; tree: Category[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [rule, setRule] = useState<RuleRequest>(initial);
  const save = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/rules', { params: { path: { householdId } }, body: rule })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: categoryKeys.rules(householdId) });
      onDone();
    },
  });
  return (
    <section className="card" aria-labelledby="rule-editor-heading">
      <h2 id="rule-editor-heading" className="mb-2">
        New rule
      </h2>
      <form
        aria-label="New rule"
        className="grid gap-2 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label="Name">{(p) => <input {...p} className="input" value={rule.name ?? ''} onChange={(e) => setRule({ ...rule, name: e.target.value })} />}</Field>
        <Field label="Payee contains">
          {(p) => <input {...p} className="input" value={rule.payeePattern ?? ''} onChange={(e) => setRule({ ...rule, payeePattern: e.target.value || null })} />}
        </Field>
        <Field label="Direction">
          {(p) => (
            <select {...p} className="input" value={rule.direction ?? ''} onChange={(e) => setRule({ ...rule, direction: e.target.value === '' ? null : (e.target.value as 'Inflow' | 'Outflow') })}>
              <option value="">Either</option>
              <option value="Outflow">Money out</option>
              <option value="Inflow">Money in</option>
            </select>
          )}
        </Field>
        <Field label="Set category">{(p) => <CategorySelect id={p.id} value={rule.setCategoryId} tree={tree} onChange={(id) => setRule({ ...rule, setCategoryId: id })} />}</Field>
        <div className="space-x-2 sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            Save rule
          </button>
          <button type="button" className="btn-secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
        {save.error ? <ErrorMessage error={save.error} title="The rule was not saved" /> : null}
      </form>
    </section>
  );
}

function RulesSection({ householdId, tree, onNew }: { householdId: string; tree: Category[]; onNew: () => void }) {
  const rules = useRules(householdId);
  return (
    <section className="card" aria-labelledby="rules-heading">
      <div className="mb-2 flex items-center">
        <h2 id="rules-heading">Rules</h2>
        <button type="button" className="btn-secondary ml-auto" onClick={onNew}>
          New rule
        </button>
      </div>
      <QueryView query={rules}>
        {(list) =>
          list.length === 0 ? (
            <Empty>No rules yet. Rules run in order on every import; make one from a transaction above.</Empty>
          ) : (
            <ul className="divide-y divide-slate-200">
              {list.map((r) => (
                <RuleRow key={r.id} householdId={householdId} rule={r} tree={tree} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function describe(rule: Rule, tree: Category[]): string {
  const parts: string[] = [];
  if (rule.payeePattern) parts.push(`payee ${rule.payeeMatch === 'Regex' ? 'matches' : 'contains'} “${rule.payeePattern}”`);
  if (rule.memoPattern) parts.push(`memo ${rule.memoMatch === 'Regex' ? 'matches' : 'contains'} “${rule.memoPattern}”`);
  if (rule.direction) parts.push(rule.direction === 'Outflow' ? 'money out' : 'money in');
  const category = tree.find((c) => c.id === rule.setCategoryId);
  return `${parts.join(', ') || 'every transaction'} → ${category?.path ?? (rule.setPayee ? `payee ${rule.setPayee}` : 'tags')}`;
}

function RuleRow({ householdId, rule, tree }: { householdId: string; rule: Rule; tree: Category[] }) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<RuleApplication | null>(null);
  const apply = useMutation({
    mutationFn: (dryRun: boolean) =>
      unwrap(api.POST('/api/v1/households/{householdId}/rules/{ruleId}/apply', { params: { path: { householdId, ruleId: rule.id }, query: { dryRun } } })),
    onSuccess: async (answer) => {
      setResult(answer);
      if (answer.applied) await queryClient.invalidateQueries({ queryKey: categoryKeys.transactions(householdId) });
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/households/{householdId}/rules/{ruleId}', { params: { path: { householdId, ruleId: rule.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoryKeys.rules(householdId) }),
  });
  return (
    <li className="space-y-2 py-2" data-testid="rule">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{rule.name}</span>
        <span className="text-sm text-slate-600">{describe(rule, tree)}</span>
        <span className="ml-auto space-x-2">
          <button type="button" className="btn-secondary" onClick={() => apply.mutate(true)}>
            Preview
          </button>
          <button type="button" className="btn-secondary" onClick={() => apply.mutate(false)}>
            Apply to existing
          </button>
          <button type="button" className="btn-secondary" onClick={() => remove.mutate()}>
            Delete
          </button>
        </span>
      </div>
      {apply.error ? <ErrorMessage error={apply.error} title="Not applied" /> : null}
      {result ? (
        <div data-testid="rule-result" className="text-sm">
          <p>
            {result.applied ? 'Applied' : 'Preview'}: {result.matched} match, {result.changed} {result.applied ? 'changed' : 'would change'}
            {result.skippedManual > 0 ? `, ${result.skippedManual} set by hand keep their category` : ''}.
          </p>
          <ul className="list-disc pl-5">
            {result.changes.map((c) => (
              <li key={c.transactionId}>
                {formatDate(c.tradeDate)} {c.payeeBefore}: {c.categoryPathBefore ?? 'Uncategorised'} → {c.categoryPathAfter ?? 'Uncategorised'}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
