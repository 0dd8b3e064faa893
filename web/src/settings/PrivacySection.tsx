import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rawJson } from '../api/client';
import { saveSession } from '../auth/session';
import { useStepUp } from '../auth/StepUpDialog';
import { StepUpCancelled } from '../auth/stepUp';
import { ErrorMessage } from '../components/DataState';
import { downloadFile } from '../lib/csvExport';
import { deleteConfirmed, exportFileName } from './deleteAccount';

/** Download my data (GET /api/v1/me/export) and delete my account (DELETE /api/v1/me); both need a step-up. */
export function PrivacySection({ email }: { email: string }) {
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const stepUp = useStepUp('Downloading or deleting your data needs a fresh code from your authenticator app.');
  const [typed, setTyped] = useState('');
  const exportData = useMutation({
    mutationFn: () => stepUp.run(() => rawJson<unknown>('/api/v1/me/export')),
    onSuccess: (data) => downloadFile(exportFileName(), JSON.stringify(data, null, 2), 'application/json'),
  });
  const erase = useMutation({
    mutationFn: () => stepUp.run(() => rawJson<unknown>('/api/v1/me', { method: 'DELETE' })),
    onSuccess: () => {
      saveSession(null);
      queryClient.clear();
      void navigate('/sign-in', { replace: true });
    },
  });
  return (
    <div className="space-y-4 text-sm">
      <div className="space-y-2">
        <p>A copy of everything Glidepath holds about you: your account, your households with their people, accounts, transactions and plans, the advisor access you gave, and your audit trail. One JSON file.</p>
        <button type="button" className="btn-secondary" disabled={exportData.isPending} onClick={() => exportData.mutate()}>
          {exportData.isPending ? 'Preparing…' : 'Download my data'}
        </button>
        {exportData.isSuccess && (
          <p role="status" className="text-green-800">
            Downloaded.
          </p>
        )}
        {exportData.isError && !(exportData.error instanceof StepUpCancelled) && <ErrorMessage error={exportData.error} title="Could not export" />}
      </div>
      <form
        className="space-y-2 rounded-md border border-red-200 p-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (deleteConfirmed(typed, email)) erase.mutate();
        }}
      >
        <h3 className="font-semibold text-red-900">Delete my account</h3>
        <p id={`${id}-warning`}>Deletes your account and every household you own, with all their data, at once. It cannot be undone. Advisors you granted access lose it.</p>
        <label htmlFor={`${id}-confirm`} className="label">
          Type your e-mail address ({email}) to confirm
        </label>
        <input id={`${id}-confirm`} className="input sm:w-96" autoComplete="off" value={typed} aria-describedby={`${id}-warning`} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" className="btn-danger" disabled={!deleteConfirmed(typed, email) || erase.isPending}>
          Delete my account
        </button>
        {erase.isError && !(erase.error instanceof StepUpCancelled) && <ErrorMessage error={erase.error} title="Not deleted" />}
      </form>
      {stepUp.dialog}
    </div>
  );
}
