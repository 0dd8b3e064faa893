import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SignUpPage } from './SignUpPage';
import { fetchRoutes } from '../test/fetchRoutes';

describe('SignUpPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('drops the "email taken" message once the address changes', async () => {
    const server = fetchRoutes([
      [/^POST \/auth\/register$/, () => ({ status: 409, body: { status: 409, title: 'Conflict', detail: 'An account with this e-mail address exists; sign in or reset the password.', code: 'email-taken' } })],
    ]);
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
    const router = createMemoryRouter([{ path: '/sign-up', element: <SignUpPage /> }], { initialEntries: ['/sign-up'] });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Email'), 'taken@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Password again'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('An account with this e-mail address exists');

    // Typing in the password field leaves it (the address is still the taken one); another address clears it.
    await user.type(screen.getByLabelText('Password again'), 'x');
    expect(screen.getByRole('alert')).toHaveTextContent('email-taken');
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'free@example.com');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
