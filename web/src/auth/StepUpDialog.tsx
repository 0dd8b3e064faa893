import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../components/DataState';
import { isStepUpRequired, stepUp, stepUpSchema, StepUpCancelled } from './stepUp';

interface Pending {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Critical actions (turning two-factor off, new recovery codes, the privacy export, deleting the
 * account, accepting a rebalance proposal) need a second factor from the last ten minutes: the
 * server answers 403 `step-up-required` otherwise. `useStepUp().run(action)` calls the action; on
 * that answer it opens the dialog, trades the user's code for fresh tokens (POST /api/v1/me/step-up)
 * and calls the action once more. Render `dialog` somewhere in the page.
 *
 *   const stepUp = useStepUp();
 *   const remove = useMutation({ mutationFn: () => stepUp.run(() => unwrap(api.DELETE('/api/v1/me/mfa/totp'))) });
 *   return <>…{stepUp.dialog}</>;
 *
 * Closing the dialog rejects with `StepUpCancelled` (show nothing, or a quiet note).
 */
export function useStepUp(reason?: string): { run: <T>(action: () => Promise<T>) => Promise<T>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);

  const ask = useCallback(() => new Promise<void>((resolve, reject) => setPending({ resolve, reject })), []);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (e) {
        if (!isStepUpRequired(e)) throw e;
        await ask();
        return action();
      }
    },
    [ask],
  );

  const dialog = pending ? (
    <StepUpDialog
      reason={reason}
      onVerified={() => {
        pending.resolve();
        setPending(null);
      }}
      onCancel={() => {
        pending.reject(new StepUpCancelled());
        setPending(null);
      }}
    />
  ) : null;
  return { run, dialog };
}

/** The modal itself: asks for an authenticator (or recovery) code and calls `onVerified` once the server took it. */
export function StepUpDialog({ reason, onVerified, onCancel }: { reason?: string | undefined; onVerified: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    // jsdom has no showModal; a browser gets a real modal (focus kept inside, Escape closes).
    if (d && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
  }, []);

  async function submit() {
    const parsed = stepUpSchema.safeParse({ recovery, code });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? 'Check the code');
      return;
    }
    setFieldError(null);
    setError(null);
    setBusy(true);
    try {
      await stepUp(parsed.data);
      onVerified();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-4 shadow-xl backdrop:bg-slate-900/40"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`}>Confirm it is you</h2>
        <p id={`${id}-text`} className="text-sm text-slate-700">
          {reason ?? 'This action needs a fresh code from your authenticator app.'}
        </p>
        <div>
          <label htmlFor={`${id}-code`} className="label">
            {recovery ? 'Recovery code' : 'Authenticator code'}
          </label>
          <input
            id={`${id}-code`}
            className="input"
            autoFocus
            autoComplete="one-time-code"
            inputMode={recovery ? 'text' : 'numeric'}
            maxLength={recovery ? 64 : 6}
            value={code}
            aria-invalid={Boolean(fieldError)}
            {...(fieldError ? { 'aria-describedby': `${id}-error` } : {})}
            onChange={(e) => setCode(e.target.value)}
          />
          {fieldError && (
            <p id={`${id}-error`} className="field-error">
              {fieldError}
            </p>
          )}
        </div>
        <button
          type="button"
          className="text-sm text-brand-700 underline"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
            setFieldError(null);
          }}
        >
          {recovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
        </button>
        {error != null && <ErrorMessage error={error} title="The code was not accepted" />}
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Checking…' : 'Confirm'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
