import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rawJson } from '../api/client';
import { ApiError } from '../api/problem';
import { saveSession, toSession, type TokenResponse } from './session';
import { ErrorMessage } from '../components/DataState';

// The sign-in page's buttons live apart (ExternalProviders.tsx) so it does not load this page's query hooks.
export { ExternalProviderButtons } from './ExternalProviders';

type Step = 'completing' | 'link' | 'code' | 'confirm-email';

interface ExternalRegistered {
  userId: string;
  householdId: string;
  emailConfirmed: boolean;
  tokens: TokenResponse | null;
}

/**
 * Where the provider sends the browser back (/signin/external). The server holds the verified identity in
 * an HttpOnly cookie; this page turns it into tokens, links it to an existing account after its password,
 * or signs up a new account with it (the server never links by e-mail address).
 */
export function ExternalSignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('completing');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const failed = params.get('error');

  const done = (tokens: TokenResponse) => {
    saveSession(toSession(tokens));
    queryClient.clear();
    void navigate('/');
  };
  const code = totpCode ? { totpCode } : {};
  const complete = useMutation({
    mutationFn: () => rawJson<TokenResponse>('/auth/external/complete', { method: 'POST', body: JSON.stringify(code) }),
    onSuccess: done,
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'external-login-not-linked') setStep('link');
      else if (e instanceof ApiError && e.code === 'mfa-required') setStep('code');
    },
  });
  const link = useMutation({
    mutationFn: () => rawJson<TokenResponse>('/auth/external/link', { method: 'POST', body: JSON.stringify({ email, password, ...code }) }),
    onSuccess: done,
  });
  const register = useMutation({
    mutationFn: () => rawJson<ExternalRegistered>('/auth/external/register', { method: 'POST', body: '{}' }),
    onSuccess: (registered) => {
      if (registered.tokens) done(registered.tokens);
      else setStep('confirm-email');
    },
  });
  const { mutate } = complete;
  useEffect(() => {
    if (!failed) mutate();
  }, [failed, mutate]);

  if (failed) {
    return (
      <main id="main" className="mx-auto max-w-md space-y-4 p-4">
        <h1>Sign-in did not work</h1>
        <p role="alert">The other sign-in service&apos;s answer was refused. Try again, or sign in with your password.</p>
        <Link to="/sign-in" className="text-brand-700 underline">
          Back to sign-in
        </Link>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-4">
      <h1>Signing you in</h1>
      {step === 'completing' && complete.isPending && <p>Checking your sign-in…</p>}
      {step === 'code' && (
        <form className="card space-y-3" onSubmit={(e) => { e.preventDefault(); complete.mutate(); }}>
          <label className="block">
            Authenticator code
            <input className="input" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={totpCode} onChange={(e) => setTotpCode(e.target.value)} />
          </label>
          <button type="submit" className="btn w-full">Continue</button>
        </form>
      )}
      {step === 'link' && (
        <form className="card space-y-3" onSubmit={(e) => { e.preventDefault(); link.mutate(); }}>
          <p>This identity is not linked to a Glidepath account yet. Prove the account is yours with its password to link them.</p>
          <label className="block">
            Email
            <input className="input" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="block">
            Password
            <input className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <label className="block">
            Authenticator code (only with two-factor sign-in)
            <input className="input" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={totpCode} onChange={(e) => setTotpCode(e.target.value)} />
          </label>
          <button type="submit" className="btn w-full" disabled={link.isPending}>Link and sign in</button>
          {link.isError && <ErrorMessage error={link.error} title="Not linked" />}
        </form>
      )}
      {step === 'link' && (
        <section className="card space-y-3" aria-labelledby="external-sign-up">
          <h2 id="external-sign-up">New to Glidepath?</h2>
          <p>Create an account with this identity, named by the e-mail address it carries.</p>
          <button type="button" className="btn w-full" disabled={register.isPending} onClick={() => register.mutate()}>
            Create an account
          </button>
          {register.isError && <ErrorMessage error={register.error} title="No account created" />}
        </section>
      )}
      {step === 'confirm-email' && (
        <p role="status">Your account is ready. Confirm your e-mail address with the message we sent, then sign in again.</p>
      )}
      {complete.isError && step === 'completing' && <ErrorMessage error={complete.error} title="Not signed in" />}
    </main>
  );
}
