import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ConfirmCorporateActionsResult, CorporateActionProposal } from '../api/types';
import { keys, useAccounts } from '../household/queries';
import { ErrorMessage, Loading } from '../components/DataState';
import { formatDate } from '../lib/format';
import { confirmAllQuestion, confirmLabel, describe } from './corporateActions';

/**
 * Dividends and splits the market data publishes and the ledger lacks (docs/import.md, "Dividends and splits
 * from data"). The check asks the provider only when the user asks; each proposal shows its amount for the
 * units held on the ex-date, and nothing is booked until confirmed, one by one or all at once after a question.
 */
export function CorporateActions({ householdId }: { householdId: string }) {
  const queryClient = useQueryClient();
  const accounts = useAccounts(householdId);
  const [asked, setAsked] = useState(false);
  const [confirmingAll, setConfirmingAll] = useState(false);
  const [booked, setBooked] = useState<ConfirmCorporateActionsResult | null>(null);
  const queryKey = [...keys.household(householdId), 'corporate-actions'] as const;
  const scan = useQuery({
    queryKey,
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/corporate-actions/proposals', { params: { path: { householdId } } })),
    enabled: asked,
    // Each check asks the provider: not again on focus or remount.
    staleTime: Infinity,
  });
  const confirm = useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) =>
      unwrap(api.POST('/api/v1/households/{householdId}/corporate-actions/confirm', { params: { path: { householdId } }, body: { ids: body.ids ?? null, all: body.all ?? false } })),
    onSuccess: async (result) => {
      setBooked(result);
      setConfirmingAll(false);
      // Positions, cash and transactions changed; the proposals are checked again.
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });
  const accountName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? 'an account';
  const proposals = scan.data?.proposals ?? [];

  return (
    <section className="card space-y-3" aria-labelledby="corporate-actions">
      <h2 id="corporate-actions">Dividends and splits from market data</h2>
      <p className="text-sm text-slate-700">
        Compares the dividends and splits the market data publishes for what your accounts hold with the ledger and proposes the missing ones,
        with the amount for the units held on the ex-date and the account&apos;s dividend withholding. Nothing is booked until you confirm it.
      </p>
      <button type="button" className="btn-secondary" disabled={scan.isFetching} onClick={() => (asked ? void scan.refetch() : setAsked(true))}>
        {scan.isFetching ? 'Checking…' : 'Check for missing dividends and splits'}
      </button>
      {scan.isFetching && !scan.data && <Loading label="Asking the market data…" />}
      {scan.isError && <ErrorMessage error={scan.error} title="The check failed" />}
      {booked && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="corporate-actions-booked">
          Booked {booked.booked}
          {booked.alreadyBooked > 0 ? `, ${booked.alreadyBooked} already booked` : ''}.
        </p>
      )}
      {scan.data && (
        <>
          {proposals.length === 0 ? (
            <p className="text-sm" data-testid="corporate-actions-none">
              Nothing missing: the ledger has every dividend and split the market data publishes for these holdings.
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="corporate-actions">
                <caption className="sr-only">Proposed dividends and splits</caption>
                <thead>
                  <tr className="text-left">
                    <th scope="col">Date</th>
                    <th scope="col">Account</th>
                    <th scope="col">Instrument</th>
                    <th scope="col">Proposed</th>
                    <th scope="col">
                      <span className="sr-only">Confirm</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {proposals.map((p: CorporateActionProposal) => (
                    <tr key={p.id} className="border-t border-slate-200">
                      <td>{formatDate(p.date)}</td>
                      <td>{accountName(p.accountId)}</td>
                      <td>{p.symbol}</td>
                      <td>{describe(p)}</td>
                      <td>
                        <button
                          type="button"
                          className="btn-secondary"
                          aria-label={confirmLabel(p, accountName(p.accountId))}
                          disabled={confirm.isPending}
                          onClick={() => confirm.mutate({ ids: [p.id] })}
                        >
                          Confirm
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {proposals.length > 0 &&
            (confirmingAll ? (
              <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Confirm all proposals">
                <p className="text-sm">{confirmAllQuestion(proposals)}</p>
                <button type="button" className="btn" disabled={confirm.isPending} onClick={() => confirm.mutate({ all: true })}>
                  Yes, book all {proposals.length}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setConfirmingAll(false)}>
                  Cancel
                </button>
              </div>
            ) : (
              <button type="button" className="btn-secondary" onClick={() => setConfirmingAll(true)}>
                Confirm all {proposals.length}…
              </button>
            ))}
          {scan.data.notChecked.length > 0 && (
            <div className="text-sm" data-testid="corporate-actions-not-checked">
              <p>Not checked (enter these by hand if needed):</p>
              <ul className="list-disc pl-5">
                {scan.data.notChecked.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {confirm.isError && <ErrorMessage error={confirm.error} title="Nothing was booked" />}
    </section>
  );
}
