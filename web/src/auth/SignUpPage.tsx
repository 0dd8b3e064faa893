import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rawJson } from '../api/client';
import { ApiError } from '../api/problem';
import { saveSession, toSession, type TokenResponse } from './session';
import { signUpSchema, type SignUpForm } from './authSchemas';
import { NoAuthNotice, signIn } from './SignInPage';
import { Field } from '../components/Field';

export function SignUpPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<SignUpForm>({ resolver: zodResolver(signUpSchema), defaultValues: { email: '', password: '', confirm: '' } });
  const register = useMutation({
    mutationFn: async (v: SignUpForm) => {
      const answer = await rawJson<Partial<TokenResponse> | undefined>('/auth/register', { method: 'POST', body: JSON.stringify({ email: v.email, password: v.password }) });
      // Registration may sign in at once (tokens in the answer) or leave it to /auth/login.
      if (answer?.accessToken && answer.refreshToken && answer.expiresIn) saveSession(toSession(answer as TokenResponse));
      else await signIn({ email: v.email, password: v.password });
    },
    onSuccess: () => {
      queryClient.clear();
      void navigate('/');
    },
  });
  const { errors } = form.formState;
  // "Email taken" is about the address that was sent: typing another one clears it.
  const clearEmailTaken = () => {
    if (register.error instanceof ApiError && register.error.code === 'email-taken') register.reset();
  };
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-4">
      <h1>Create an account</h1>
      <form className="card space-y-3" onSubmit={form.handleSubmit((v) => register.mutate(v))} noValidate>
        <Field label="Email" error={errors.email?.message}>
          {(p) => <input {...p} type="email" autoComplete="username" {...form.register('email', { onChange: clearEmailTaken })} className="input" />}
        </Field>
        <Field label="Password" error={errors.password?.message} hint="At least 12 characters; a passphrase is easiest.">
          {(p) => <input {...p} type="password" autoComplete="new-password" {...form.register('password')} className="input" />}
        </Field>
        <Field label="Password again" error={errors.confirm?.message}>
          {(p) => <input {...p} type="password" autoComplete="new-password" {...form.register('confirm')} className="input" />}
        </Field>
        <button type="submit" className="btn w-full" disabled={register.isPending}>
          {register.isPending ? 'Creating…' : 'Create account'}
        </button>
        {register.isError && <NoAuthNotice error={register.error} />}
      </form>
      <p className="text-sm">
        Already have an account?{' '}
        <Link to="/sign-in" className="text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
