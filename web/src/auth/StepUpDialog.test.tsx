import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useStepUp } from './StepUpDialog';
import { rawJson } from '../api/client';
import { loadSession, saveSession } from './session';
import { fetchRoutes } from '../test/fetchRoutes';

const stepUpRequired = { status: 403, body: { status: 403, title: 'Forbidden', detail: 'Needs a recent second factor.', code: 'step-up-required' } };

function Harness() {
  const stepUp = useStepUp();
  const [result, setResult] = useState('');
  return (
    <>
      <button
        type="button"
        onClick={() =>
          stepUp.run(() => rawJson<{ ok: boolean }>('/api/v1/me/export')).then(
            (r) => setResult(`done ${String(r.ok)}`),
            (e: unknown) => setResult(`failed ${(e as Error).name}`),
          )
        }
      >
        Export
      </button>
      <p>{result}</p>
      {stepUp.dialog}
    </>
  );
}

describe('useStepUp', () => {
  beforeEach(() => saveSession({ accessToken: 'old', refreshToken: 'r-old', expiresAt: Date.now() + 600_000 }));
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('asks for a code on step-up-required, keeps the new tokens and runs the action again with them', async () => {
    const server = fetchRoutes([
      [/^GET \/api\/v1\/me\/export/, (c) => (c.headers.get('Authorization') === 'Bearer fresh' ? { body: { ok: true } } : stepUpRequired)],
      [/^POST \/api\/v1\/me\/step-up/, (c) => (JSON.parse(c.body ?? '{}').totpCode === '123456' ? { body: { accessToken: 'fresh', refreshToken: 'r-new', expiresIn: 900 } } : undefined)],
    ]);
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
    const user = userEvent.setup({ delay: null });
    render(<Harness />);

    await user.click(screen.getByRole('button', { name: 'Export' }));
    const code = await screen.findByLabelText('Authenticator code');
    await user.type(code, '12');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Six digits')).toBeInTheDocument();
    expect(server.calls.filter((c) => c.url.startsWith('/api/v1/me/step-up'))).toHaveLength(0);

    await user.type(code, '3456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('done true')).toBeInTheDocument();
    expect(loadSession()).toMatchObject({ accessToken: 'fresh', refreshToken: 'r-new' });
    expect(server.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/me/export', 'POST /api/v1/me/step-up', 'GET /api/v1/me/export']);
    expect(screen.queryByLabelText('Authenticator code')).not.toBeInTheDocument();
  });

  it('shows a refused code and lets the user cancel, which rejects the action', async () => {
    const server = fetchRoutes([
      [/^GET \/api\/v1\/me\/export/, () => stepUpRequired],
      [/^POST \/api\/v1\/me\/step-up/, () => ({ status: 403, body: { status: 403, detail: 'The code is wrong or has expired.', code: 'invalid-mfa-code' } })],
    ]);
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.fetch);
    const user = userEvent.setup({ delay: null });
    render(<Harness />);

    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByLabelText('Recovery code'), 'ABCD-EFGH');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('The code is wrong or has expired.')).toBeInTheDocument();
    expect(JSON.parse(server.calls[1]?.body ?? '{}')).toEqual({ recoveryCode: 'ABCD-EFGH' });

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('failed StepUpCancelled')).toBeInTheDocument();
    expect(loadSession()).toMatchObject({ accessToken: 'old' });
  });

  it('passes any other error straight through without asking', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(fetchRoutes([[/^GET \/api\/v1\/me\/export/, () => ({ status: 500, body: { status: 500, title: 'Boom' } })]]).fetch);
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('failed ApiError')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
