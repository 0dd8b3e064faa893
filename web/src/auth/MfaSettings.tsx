import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ErrorMessage } from '../components/DataState';
import { useStepUp } from './StepUpDialog';
import { StepUpCancelled } from './stepUp';
import { QrCode } from './QrCode';

/**
 * Two-factor sign-in. Off: enrol (the server makes a TOTP secret), confirm with a code from the
 * authenticator app, then keep the recovery codes it shows once. On: new recovery codes, or turn
 * it off; both need a step-up (a fresh code, asked for in a dialog).
 */
export function MfaSettings({ enabled }: { enabled: boolean }) {
  return enabled ? <MfaOn /> : <MfaEnrolment />;
}

function MfaOn() {
  const queryClient = useQueryClient();
  const stepUp = useStepUp('Changing two-factor sign-in needs a fresh code from your authenticator app (or a recovery code).');
  const [confirmOff, setConfirmOff] = useState(false);
  const regenerate = useMutation({ mutationFn: () => stepUp.run(() => unwrap(api.POST('/api/v1/me/mfa/recovery-codes'))) });
  const disable = useMutation({
    mutationFn: () => stepUp.run(() => unwrap(api.DELETE('/api/v1/me/mfa/totp'))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
  return (
    <div className="space-y-3 text-sm">
      <p data-testid="mfa-state">
        Two-factor sign-in is <strong>on</strong>: signing in asks for a code from your authenticator app.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" disabled={regenerate.isPending} onClick={() => regenerate.mutate()}>
          New recovery codes
        </button>
        {!confirmOff ? (
          <button type="button" className="btn-secondary" onClick={() => setConfirmOff(true)}>
            Turn off two-factor sign-in
          </button>
        ) : (
          <span className="flex flex-wrap items-center gap-2">
            <span>Sign-in will need only your password. Advisor and admin access stop working.</span>
            <button type="button" className="btn-danger" disabled={disable.isPending} onClick={() => disable.mutate()}>
              Turn it off
            </button>
            <button type="button" className="btn-secondary" onClick={() => setConfirmOff(false)}>
              Keep it on
            </button>
          </span>
        )}
      </div>
      {regenerate.isSuccess && <RecoveryCodes codes={regenerate.data.recoveryCodes} title="New recovery codes; the old ones no longer work. Keep these somewhere safe:" />}
      {regenerate.isError && !(regenerate.error instanceof StepUpCancelled) && <ErrorMessage error={regenerate.error} title="No new codes" />}
      {disable.isError && !(disable.error instanceof StepUpCancelled) && <ErrorMessage error={disable.error} title="Two-factor sign-in is still on" />}
      {stepUp.dialog}
    </div>
  );
}

function RecoveryCodes({ codes, title }: { codes: string[]; title: string }) {
  return (
    <div role="status" className="space-y-1">
      <p className="font-semibold text-green-900">{title}</p>
      <ul className="grid grid-cols-2 gap-1 font-mono sm:grid-cols-4" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

function MfaEnrolment() {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const enrol = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/mfa/totp')) });
  const confirm = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/mfa/totp/confirm', { body: { code } })) });
  return (
    <div className="space-y-3 text-sm">
      {!enrol.isSuccess && (
        <button type="button" className="btn" disabled={enrol.isPending} onClick={() => enrol.mutate()}>
          Turn on two-factor sign-in
        </button>
      )}
      {enrol.isError && <ErrorMessage error={enrol.error} title="Could not start enrolment" />}
      {enrol.isSuccess && !confirm.isSuccess && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            confirm.mutate();
          }}
        >
          <p>Scan this code with your authenticator app (or type the key, or open the link on your phone), then enter the six-digit code it shows.</p>
          <QrCode text={enrol.data.provisioningUri} label="QR code for your authenticator app" />
          <p className="break-all font-mono" data-testid="totp-key">
            {enrol.data.sharedKey}
          </p>
          <a className="break-all text-brand-700 underline" href={enrol.data.provisioningUri}>
            Open in an authenticator app
          </a>
          <label className="block">
            <span className="label">Code from the app</span>
            <input className="input w-40" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.trim())} />
          </label>
          <button type="submit" className="btn" disabled={!/^\d{6}$/.test(code) || confirm.isPending}>
            Confirm
          </button>
          {confirm.isError && <ErrorMessage error={confirm.error} title="The code was not accepted" />}
        </form>
      )}
      {confirm.isSuccess && (
        <>
          <RecoveryCodes codes={confirm.data.recoveryCodes} title="Two-factor sign-in is on. Keep these recovery codes somewhere safe; each works once and they are not shown again:" />
          <button type="button" className="btn-secondary" onClick={() => void queryClient.invalidateQueries({ queryKey: ['me'] })}>
            Done
          </button>
        </>
      )}
    </div>
  );
}
