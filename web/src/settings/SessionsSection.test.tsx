import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SessionsSection } from './SessionsSection';
import { fetchRoutes } from '../test/fetchRoutes';

const session = (id: string, current: boolean) => ({
  id,
  signedInUtc: '2026-01-02T10:00:00Z',
  lastRefreshedUtc: '2026-01-02T11:00:00Z',
  expiresUtc: '2026-02-01T11:00:00Z',
  mfa: current,
  current,
});

describe('SessionsSection', () => {
  afterEach(() => vi.restoreAllMocks());

  it('offers to sign out the other sessions only, and lists again afterwards', async () => {
    let live = [session('mine', true), session('phone', false), session('laptop', false)];
    const server = fetchRoutes([
      [/^GET \/api\/v1\/me\/sessions$/, () => ({ body: live })],
      [/^DELETE \/api\/v1\/me\/sessions\/[a-z]+$/, (c) => {
        live = live.filter((s) => !c.url.endsWith(`/${s.id}`));
        return { status: 204 };
      }],
      [/^DELETE \/api\/v1\/me\/sessions$/, () => {
        const revoked = live.filter((s) => !s.current).length;
        live = live.filter((s) => s.current);
        return { body: { revoked } };
      }],
    ]);
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SessionsSection />
      </QueryClientProvider>,
    );
    const list = await screen.findByTestId('sessions');
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('This session · two-factor');
    expect(within(rows[0]!).queryByRole('button')).toBeNull();

    const user = userEvent.setup({ delay: null });
    await user.click(within(rows[1]!).getByRole('button', { name: /^Sign out the session/ }));
    expect(await screen.findByText('Signed out.')).toBeInTheDocument();
    expect(server.calls.some((c) => c.method === 'DELETE' && c.url === '/api/v1/me/sessions/phone')).toBe(true);
    await vi.waitFor(() => expect(within(screen.getByTestId('sessions')).getAllByRole('listitem')).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Sign out all other sessions' }));
    expect(await screen.findByText('Signed out of 1 other session(s).')).toBeInTheDocument();
    await vi.waitFor(() => expect(within(screen.getByTestId('sessions')).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Sign out all other sessions' })).toBeNull();
  });
});
