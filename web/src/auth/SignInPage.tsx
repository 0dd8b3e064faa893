import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rawJson } from '../api/client';
import { ApiError } from '../api/problem';
import { saveSession, toSession, type TokenResponse } from './session';
import { signInSchema, type SignInForm } from './authSchemas';
import { ErrorMessage } from '../components/DataState';
import { Field } from '../components/Field';
import { ExternalProviderButtons } from './ExternalSignIn';

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
  const queryClient = useQueryClient();
  const [recovery, setRecovery] = useState(false);
  const form = useForm<SignInForm>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '', totpCode: '', recoveryCode: '' } });
  const login = useMutation({
    mutationFn: (v: SignInForm) =>
      signIn({
        email: v.email,
        password: v.password,
        ...(recovery ? (v.recoveryCode ? { recoveryCode: v.recoveryCode } : {}) : v.totpCode ? { totpCode: v.totpCode } : {}),
      }),
    onSuccess: () => {
      queryClient.clear();
      void navigate(safeNext(params.get('next')));
    },
  });
  const { errors } = form.formState;
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-4">
      <h1>Sign in</h1>
      <form className="card space-y-3" onSubmit={form.handleSubmit((v) => login.mutate(v))} noValidate>
        <Field label="Email" error={errors.email?.message}>
          {(p) => <input {...p} type="email" autoComplete="username" {...form.register('email')} className="input" />}
        </Field>
        <Field label="Password" error={errors.password?.message}>
          {(p) => <input {...p} type="password" autoComplete="current-password" {...form.register('password')} className="input" />}
        </Field>
        {recovery ? (
          <Field label="Recovery code" error={errors.recoveryCode?.message} hint="One of the codes you kept when you turned on two-factor sign-in; each works once.">
            {(p) => <input {...p} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={64} {...form.register('recoveryCode')} className="input" />}
          </Field>
        ) : (
          <Field label="Authenticator code" error={errors.totpCode?.message} hint="Only if you turned on two-factor sign-in.">
            {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" maxLength={6} {...form.register('totpCode')} className="input" />}
          </Field>
        )}
        <button
          type="button"
          className="text-sm text-brand-700 underline"
          onClick={() => {
            setRecovery(!recovery);
            form.setValue('totpCode', '');
            form.setValue('recoveryCode', '');
            form.clearErrors(['totpCode', 'recoveryCode']);
          }}
        >
          {recovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
        </button>
        <button type="submit" className="btn w-full" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        {login.isError && <NoAuthNotice error={login.error} />}
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
