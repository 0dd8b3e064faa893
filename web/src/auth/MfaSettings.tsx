import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ErrorMessage } from '../components/DataState';

/**
 * Two-factor sign-in: enrol (the server makes a TOTP secret), confirm with a code from the
 * authenticator app, then keep the recovery codes it shows once. Turning it off needs a
 * step-up and is done from the API for now.
 */
export function MfaSettings() {
  const [code, setCode] = useState('');
  const enrol = useMutation({ mutationFn: () => unwrap(api.POST('/api/me/mfa/totp')) });
  const confirm = useMutation({ mutationFn: () => unwrap(api.POST('/api/me/mfa/totp/confirm', { body: { code } })) });
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
          <p>Add this key to your authenticator app (or open the link on your phone), then enter the six-digit code it shows.</p>
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
        <div role="status" className="space-y-1">
          <p className="font-semibold text-green-900">Two-factor sign-in is on. Keep these recovery codes somewhere safe; each works once and they are not shown again:</p>
          <ul className="grid grid-cols-2 gap-1 font-mono sm:grid-cols-4">
            {confirm.data.recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
