import { useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { Account } from '../api/types';
import { useStepUp } from '../auth/StepUpDialog';
import { StepUpCancelled } from '../auth/stepUp';
import { keys } from './queries';
import { accountEditSchema, reliefMethods, withholdingPercent, withholdingRate, type AccountEditForm } from './accountSchema';
import { ErrorMessage } from '../components/DataState';
import { Field } from '../components/Field';
import { humanize } from '../lib/format';

const stepUpReason = 'Changing or deleting an account needs a fresh confirmation: enter the six-digit code from your authenticator app (or a recovery code).';

/** Where a critical action stopped: a pointer to Settings without two-factor sign-in, else the problem. */
function Failure({ error, title }: { error: unknown; title: string }) {
  if (error instanceof StepUpCancelled) return null;
  if (error instanceof ApiError && error.code === 'mfa-required') {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        Changing accounts needs two-factor sign-in. Turn it on in{' '}
        <Link to="../settings" relative="path" className="underline">
          Settings
        </Link>
        , then try again.
      </p>
    );
  }
  return <ErrorMessage error={error} title={title} />;
}

/**
 * Edits an account's name, institution, relief method, dividend withholding, whole-share trading and notes (type and
 * currency shape its history, so they stay), or deletes it. Both are critical actions (step-up).
 * An account with transactions cannot be deleted: the server says how many hold it.
 */
export function AccountEditor({ householdId, account, onDone }: { householdId: string; account: Account; onDone: () => void }) {
  const queryClient = useQueryClient();
  const stepUp = useStepUp(stepUpReason);
  const [confirming, setConfirming] = useState(false);
  const form = useForm<AccountEditForm>({
    resolver: zodResolver(accountEditSchema),
    defaultValues: { name: account.name, institution: account.institution, reliefMethod: account.reliefMethod, wholeSharesOnly: account.wholeSharesOnly ?? false, notes: account.notes ?? '', withholdingPercent: withholdingPercent(account.dividendWithholdingRate) },
  });
  const path = { householdId, accountId: account.id };
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
  const save = useMutation({
    mutationFn: ({ withholdingPercent: percent, ...v }: AccountEditForm) =>
      stepUp.run(() =>
        unwrap(
          api.PUT('/api/v1/households/{householdId}/accounts/{accountId}', {
            params: { path },
            body: { ...v, dividendWithholdingRate: withholdingRate(percent), version: account.version },
          }),
        ),
      ),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const remove = useMutation({
    mutationFn: () => stepUp.run(() => unwrap(api.DELETE('/api/v1/households/{householdId}/accounts/{accountId}', { params: { path } }))),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const { errors } = form.formState;
  return (
    <div className="space-y-3">
      <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-3 sm:grid-cols-3" aria-label={`Edit ${account.name}`} noValidate>
        <Field label="Name" error={errors.name?.message}>
          {(p) => <input {...p} {...form.register('name')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Institution" error={errors.institution?.message}>
          {(p) => <input {...p} {...form.register('institution')} className="input" />}
        </Field>
        <Field label="Lot relief method" error={errors.reliefMethod?.message} hint="Applies to the whole history from the next change on.">
          {(p) => (
            <select {...p} {...form.register('reliefMethod')} className="input">
              {reliefMethods.map((m) => (
                <option key={m} value={m}>
                  {humanize(m)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Dividend withholding (%)"
          error={errors.withholdingPercent?.message}
          hint="Tax withheld at source on dividends; proposed dividends book it as a fee beside the gross amount."
        >
          {(p) => <input {...p} {...form.register('withholdingPercent', { valueAsNumber: true })} className="input" type="number" min={0} max={100} step="0.01" />}
        </Field>
        <div className="sm:col-span-3">
          <Field label="Notes" error={errors.notes?.message}>
            {(p) => <textarea {...p} {...form.register('notes')} className="input" rows={2} />}
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input type="checkbox" {...form.register('wholeSharesOnly')} />
          Trade whole shares only
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-3">
          <button type="submit" className="btn" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save account'}
          </button>
          <button type="button" className="btn-secondary" onClick={onDone}>
            Cancel
          </button>
          {confirming ? (
            <>
              <button type="button" className="btn-secondary text-red-800" disabled={remove.isPending} onClick={() => remove.mutate()}>
                Delete {account.name} for good
              </button>
              <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="btn-secondary text-red-800" onClick={() => setConfirming(true)}>
              Delete account
            </button>
          )}
        </div>
      </form>
      {confirming && !remove.isError && (
        <p className="text-sm text-slate-700">Only an account without transactions can be deleted; delete its transactions first.</p>
      )}
      {stepUp.dialog}
      {save.isError && <Failure error={save.error} title="The account was not changed" />}
      {remove.isError && <Failure error={remove.error} title="The account was not deleted" />}
    </div>
  );
}
