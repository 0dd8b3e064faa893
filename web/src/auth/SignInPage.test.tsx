import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SignInPage, safeNext } from './SignInPage';
import { loadSession } from './session';

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/households/x', element: <p>household page</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('SignInPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('checks the form before calling the server', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    renderAt('/sign-in');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Email'), 'nope');
    await user.type(screen.getByLabelText('Authenticator code'), '12a');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(screen.getByText('Six digits')).toBeInTheDocument();
    // Only the list of external sign-in providers was asked for, never the login.
    expect(fetchSpy.mock.calls.map(([url]) => String(url))).not.toContain('/auth/login');
  });

  it('stores the tokens and goes back where the user was', async () => {
    // A fresh Response per call: the page also asks for the external sign-in providers.
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(() =>
      Promise.resolve(new Response(JSON.stringify({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 }), { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
    renderAt('/sign-in?next=%2Fhouseholds%2Fx');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Email'), 'a@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.type(screen.getByLabelText('Authenticator code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // After the tokens the page loads the query cache (a dynamic import: transformed on first use, slow on a loaded machine) to clear it.
    expect(await screen.findByText('household page', undefined, { timeout: 15_000 })).toBeInTheDocument();
    const [url, init] = fetchSpy.mock.calls.find(([u]) => u === '/auth/login')!;
    expect(url).toBe('/auth/login');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'a@example.com', password: 'secret', totpCode: '123456' });
    expect(loadSession()).toMatchObject({ accessToken: 'a', refreshToken: 'r' });
  });

  it('signs in with an eleven-character recovery code', async () => {
    // A fresh Response per call: the page also asks for the external sign-in providers.
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(() =>
      Promise.resolve(new Response(JSON.stringify({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 }), { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
    renderAt('/sign-in?next=%2Fhouseholds%2Fx');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Email'), 'a@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByLabelText('Recovery code'), 'A1B2C-D3E4F');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // After the tokens the page loads the query cache (a dynamic import: transformed on first use, slow on a loaded machine) to clear it.
    expect(await screen.findByText('household page', undefined, { timeout: 15_000 })).toBeInTheDocument();
    const [, init] = fetchSpy.mock.calls.find(([u]) => u === '/auth/login')!;
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'a@example.com', password: 'secret', recoveryCode: 'A1B2C-D3E4F' });
  });

  it('says so plainly when the server has no sign-in', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.resolve(new Response('', { status: 404 })));
    renderAt('/sign-in');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Email'), 'a@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/does not offer accounts yet/)).toBeInTheDocument();
  });

  it('follows only same-site paths after sign-in', () => {
    expect(safeNext('/households/1')).toBe('/households/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
