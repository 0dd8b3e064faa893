import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ExternalProviderButtons, ExternalSignInPage } from './ExternalSignIn';
import { loadSession } from './session';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <ExternalProviderButtons /> },
      { path: '/signin/external', element: <ExternalSignInPage /> },
      { path: '/', element: <p>households page</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('external sign-in', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('shows a "Sign in with" link per configured provider', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(json([{ name: 'google', displayName: 'Google', startUrl: '/auth/external/google' }]));
    renderAt('/sign-in');
    const link = await screen.findByRole('link', { name: 'Sign in with Google' });
    expect(link).toHaveAttribute('href', '/auth/external/google');
  });

  it('links an unlinked identity only with the account password', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(json({ status: 409, code: 'external-login-not-linked', title: 'Conflict', detail: 'not linked' }, 409))
      .mockResolvedValueOnce(json({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 }));
    renderAt('/signin/external');
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('Email'), 'a@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret passphrase');
    await user.click(screen.getByRole('button', { name: 'Link and sign in' }));
    expect(await screen.findByText('households page')).toBeInTheDocument();
    const [url, init] = fetchSpy.mock.calls[1]!;
    expect(url).toBe('/auth/external/link');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'a@example.com', password: 'secret passphrase' });
    expect(loadSession()).toMatchObject({ accessToken: 'a', refreshToken: 'r' });
  });

  it('signs up a new account with an unlinked identity', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(json({ status: 409, code: 'external-login-not-linked', title: 'Conflict', detail: 'not linked' }, 409))
      .mockResolvedValueOnce(json({ userId: 'u', householdId: 'h', emailConfirmed: true, tokens: { accessToken: 'a2', refreshToken: 'r2', expiresIn: 900 } }, 201));
    renderAt('/signin/external');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
    expect(await screen.findByText('households page')).toBeInTheDocument();
    expect(fetchSpy.mock.calls[1]![0]).toBe('/auth/external/register');
    expect(loadSession()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' });
  });

  it('asks to confirm the e-mail address when the sign-up gives no tokens yet', async () => {
    vi.spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(json({ status: 409, code: 'external-login-not-linked', title: 'Conflict', detail: 'not linked' }, 409))
      .mockResolvedValueOnce(json({ userId: 'u', householdId: 'h', emailConfirmed: false, tokens: null }, 201));
    renderAt('/signin/external');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Confirm your e-mail address');
    expect(loadSession()).toBeNull();
  });

  it('says so when the provider answer was refused', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    renderAt('/signin/external?error=external-sign-in-failed');
    expect(await screen.findByText('Sign-in did not work')).toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
