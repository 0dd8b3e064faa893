import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { rawJson } from '../api/client';
import { ErrorMessage } from '../components/DataState';
import { Field } from '../components/Field';

const resetSchema = z
  .object({
    email: z.email('Enter an email address'),
    token: z.string().trim().min(1, 'Paste the token from the e-mail'),
    newPassword: z.string().min(12, 'At least 12 characters').max(128, 'At most 128 characters'),
    confirm: z.string(),
  })
  .refine((f) => f.newPassword === f.confirm, { path: ['confirm'], message: 'The passwords differ' });
type ResetForm = z.infer<typeof resetSchema>;

/** Ask for a reset e-mail, then set a new password with the token it holds. */
export function PasswordResetPage() {
  const [email, setEmail] = useState('');
  const forgot = useMutation({ mutationFn: () => rawJson('/auth/forgot-password', { method: 'POST', body: JSON.stringify({ email }) }) });
  const form = useForm<ResetForm>({ resolver: zodResolver(resetSchema), defaultValues: { email: '', token: '', newPassword: '', confirm: '' } });
  const reset = useMutation({
    mutationFn: (v: ResetForm) => rawJson('/auth/reset-password', { method: 'POST', body: JSON.stringify({ email: v.email, token: v.token, newPassword: v.newPassword }) }),
  });
  const { errors } = form.formState;
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-4">
      <h1>Reset your password</h1>
      <form
        className="card space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          forgot.mutate();
        }}
      >
        <h2>1. Get a reset e-mail</h2>
        <label className="block">
          <span className="label">Email</span>
          <input className="input" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <button type="submit" className="btn" disabled={forgot.isPending || !email.includes('@')}>
          Send
        </button>
        {forgot.isSuccess && <p role="status">If the address has an account, an e-mail with a reset token is on its way.</p>}
        {forgot.isError && <ErrorMessage error={forgot.error} />}
      </form>
      <form className="card space-y-3" onSubmit={form.handleSubmit((v) => reset.mutate(v))} noValidate>
        <h2>2. Choose a new password</h2>
        <Field label="Email" error={errors.email?.message}>
          {(p) => <input {...p} type="email" autoComplete="username" {...form.register('email')} className="input" />}
        </Field>
        <Field label="Token from the e-mail" error={errors.token?.message}>
          {(p) => <input {...p} {...form.register('token')} className="input font-mono" autoComplete="off" />}
        </Field>
        <Field label="New password" error={errors.newPassword?.message}>
          {(p) => <input {...p} type="password" autoComplete="new-password" {...form.register('newPassword')} className="input" />}
        </Field>
        <Field label="New password again" error={errors.confirm?.message}>
          {(p) => <input {...p} type="password" autoComplete="new-password" {...form.register('confirm')} className="input" />}
        </Field>
        <button type="submit" className="btn" disabled={reset.isPending}>
          Set the new password
        </button>
        {reset.isSuccess && (
          <p role="status">
            Done: every other session was signed out. <Link to="/sign-in" className="underline">Sign in</Link>.
          </p>
        )}
        {reset.isError && <ErrorMessage error={reset.error} title="The password was not changed" />}
      </form>
    </main>
  );
}
