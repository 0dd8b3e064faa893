import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { rawJson } from '../api/rawJson';
import { ApiError } from '../api/problem';
import { saveSession, toSession, type TokenResponse } from './session';
import { checkSignIn, type SignInErrors, type SignInForm } from './signInCheck';
import { ErrorMessage } from '../components/DataState';
import { Field } from '../components/Field';
import { ExternalProviderButtons } from './ExternalProviders';

// The first page a visitor loads, so it is held to the tightest size budget: plain React state and
// signInCheck instead of react-hook-form, zod and TanStack Query (docs/web.md, "Bundle budget").

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export async function signIn(body: { email: string; password: string; totpCode?: string; recoveryCode?: string }): Promise<void> {
  const tokens = await rawJson<TokenResponse>('/auth/login', { method: 'POST', body: JSON.stringify(body) });
  saveSession(toSession(tokens));
}

export function NoAuthNotice({ error }: { error: unknown }) {
  if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        This server does not offer accounts yet: its API is open to anyone who can reach it, so keep it on 127.0.0.1.{' '}
        <Link to="/" className="underline">
          Continue to your households
        </Link>
        .
      </div>
    );
  }
  return <ErrorMessage error={error} title="Not signed in" />;
}

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [recovery, setRecovery] = useState(false);
  const [values, setValues] = useState<SignInForm>({ email: '', password: '', totpCode: '', recoveryCode: '' });
  const [errors, setErrors] = useState<SignInErrors>({});
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const set = (field: keyof SignInForm) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkSignIn(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    setFailure(null);
    try {
      const totpCode = values.totpCode.trim();
      const recoveryCode = values.recoveryCode.trim();
      await signIn({ email: values.email.trim(), password: values.password, ...(recovery ? (recoveryCode ? { recoveryCode } : {}) : totpCode ? { totpCode } : {}) });
      // Whatever a previous user of this tab had loaded goes (the cache is loaded here if it is not yet: the next page needs it).
      (await import('../query/queryClient')).queryClient.clear();
      void navigate(safeNext(params.get('next')));
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-4">
      <h1>Sign in</h1>
      <form className="card space-y-3" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Email" error={errors.email}>
          {(p) => <input {...p} type="email" autoComplete="username" value={values.email} onChange={set('email')} className="input" />}
        </Field>
        <Field label="Password" error={errors.password}>
          {(p) => <input {...p} type="password" autoComplete="current-password" value={values.password} onChange={set('password')} className="input" />}
        </Field>
        {recovery ? (
          <Field label="Recovery code" error={errors.recoveryCode} hint="One of the codes you kept when you turned on two-factor sign-in; each works once.">
            {(p) => <input {...p} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={64} value={values.recoveryCode} onChange={set('recoveryCode')} className="input" />}
          </Field>
        ) : (
          <Field label="Authenticator code" error={errors.totpCode} hint="Only if you turned on two-factor sign-in.">
            {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={values.totpCode} onChange={set('totpCode')} className="input" />}
          </Field>
        )}
        <button
          type="button"
          className="text-sm text-brand-700 underline"
          onClick={() => {
            setRecovery(!recovery);
            setValues((v) => ({ ...v, totpCode: '', recoveryCode: '' }));
            setErrors(({ totpCode: _t, recoveryCode: _r, ...rest }) => rest);
          }}
        >
          {recovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
        </button>
        <button type="submit" className="btn w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
        {failure !== null && <NoAuthNotice error={failure} />}
      </form>
      <ExternalProviderButtons />
      <p className="text-sm">
        <Link to="/reset-password" className="text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
      <p className="text-sm">
        New here?{' '}
        <Link to="/sign-up" className="text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </main>
  );
}
