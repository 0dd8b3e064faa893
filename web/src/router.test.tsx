import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { routes } from './router';
import { fetchRoutes } from './test/fetchRoutes';

describe('router', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens a lazy page first without the missing HydrateFallback warning', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(fetchRoutes([]).fetch);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const router = createMemoryRouter(routes, { initialEntries: ['/reset-password'] });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    // A lazy page's module is transformed on first import: slow on a loaded machine.
    expect(await screen.findByRole('heading', { name: 'Reset your password' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('HydrateFallback'))).toEqual([]);
  });

  it('sends a signed-out visitor to sign in without calling a protected route', async () => {
    localStorage.clear();
    const server = fetchRoutes([]);
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
    const router = createMemoryRouter(routes, { initialEntries: ['/households/h1/dashboard'] });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Sign in' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/households/h1/dashboard')}`);
    expect(server.calls.filter((c) => c.url.startsWith('/api/'))).toEqual([]);
  });
});
