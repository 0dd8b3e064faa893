import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { Account, Instrument, Proposal } from '../api/types';
import { useStepUp } from '../auth/StepUpDialog';
import { StepUpCancelled } from '../auth/stepUp';
import { ErrorMessage, Empty } from '../components/DataState';
import { ScrollArea } from '../components/ScrollArea';
import { formatDate, formatMoney, formatNumber, formatPercent, humanize } from '../lib/format';
import { formatPoints } from '../lib/percent';
import { portfolioKeys } from './queries';
import { LearnMore } from '../learning/LearnMore';

interface Names {
  accounts: Map<string, Account>;
  instruments: Map<string, Instrument>;
}

/** Proposes trades (nothing is traded), shows them with their reasons, and accepts them as pending orders after a step-up. */
export function RebalancePreview({ householdId, currency, names }: { householdId: string; currency: string; names: Names }) {
  const [force, setForce] = useState(false);
  const [assetLocation, setAssetLocation] = useState(false);
  const queryClient = useQueryClient();
  const propose = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/rebalance', { params: { path: { householdId } }, body: { force, assetLocation, asOf: null } })),
  });
  return (
    <section className="card space-y-3" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Rebalance preview</h2>
      <p className="text-sm text-slate-600">
        Proposes the trades that bring each account's targets back inside their bands, cheapest in tax first. Nothing is traded until you accept, and accepting only creates pending orders.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
          Trade every target to its weight (ignore bands)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={assetLocation} onChange={(e) => setAssetLocation(e.target.checked)} />
          Asset location (household targets: bonds in tax-deferred accounts, equity in taxable)
        </label>
        <button type="button" className="btn" disabled={propose.isPending} onClick={() => propose.mutate()}>
          {propose.isPending ? 'Proposing…' : 'Preview rebalance'}
        </button>
      </div>
      {propose.isError && <ErrorMessage error={propose.error} title="No proposal" />}
      {propose.isSuccess && (
        <ProposalView
          key={propose.data.id}
          proposal={propose.data}
          currency={currency}
          names={names}
          onAccepted={() => {
            void queryClient.invalidateQueries({ queryKey: portfolioKeys.orders(householdId) });
            void queryClient.invalidateQueries({ queryKey: portfolioKeys.alerts(householdId) });
          }}
        />
      )}
    </section>
  );
}

function ProposalView({ proposal, currency, names, onAccepted }: { proposal: Proposal; currency: string; names: Names; onAccepted: () => void }) {
  const p = proposal.proposal;
  const symbol = (id: string | null | undefined) => (id ? (names.instruments.get(id)?.symbol ?? id.slice(0, 8)) : '—');
  const account = (id: string) => names.accounts.get(id)?.name ?? id.slice(0, 8);
  return (
    <div className="space-y-3" data-testid="rebalance-proposal">
      <p className="text-sm">
        Proposal of {formatDate(proposal.asOf)}
        {proposal.force ? ' (bands ignored)' : ''}: {p.trades.length} trade(s), estimated tax <strong>{formatMoney(p.estimatedTax, currency)}</strong>, estimated costs{' '}
        <strong>{formatMoney(p.estimatedCosts, currency)}</strong>.
      </p>
      {(p.warnings ?? []).length > 0 && (
        <ul role="alert" className="list-disc rounded-md border border-amber-300 bg-amber-50 p-3 pl-8 text-sm text-amber-950">
          {(p.warnings ?? []).map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {p.trades.length === 0 ? (
        <Empty>No trades: every target is inside its band, or nothing can be traded (see the reasons below).
          <LearnMore slug="rebalancing">How bands work</LearnMore>
        </Empty>
      ) : (
        <ScrollArea label="Proposed trades table">
          <table className="table" data-testid="trades-table">
            <caption className="sr-only">Proposed trades</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Instrument</th>
                <th scope="col">Side</th>
                <th scope="col" className="num">Quantity</th>
                <th scope="col" className="num">Price</th>
                <th scope="col">Lots sold</th>
                <th scope="col" className="num">Short-term gain</th>
                <th scope="col" className="num">Long-term gain</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {p.trades.map((t, i) => (
                <tr key={i}>
                  <td>{account(t.accountId)}</td>
                  <td className="font-medium">{symbol(t.instrumentId)}</td>
                  <td>{t.side}</td>
                  <td className="num">{formatNumber(t.quantity)}</td>
                  <td className="num">{formatMoney(t.price, currency)}</td>
                  <td className="text-xs">
                    {t.lotsToSell.length === 0
                      ? '—'
                      : t.lotsToSell.map((l) => (
                          <span key={l.lotId} className="block whitespace-nowrap">
                            {formatNumber(l.quantity)} ({l.longTerm ? 'long' : 'short'}, {formatMoney(l.gain, currency)})
                          </span>
                        ))}
                  </td>
                  <td className="num">{formatMoney(t.shortTermGain, currency)}</td>
                  <td className="num">{formatMoney(t.longTermGain, currency)}</td>
                  <td className="min-w-64 text-xs">{t.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <ScrollArea label="Drift table">
        <table className="table" data-testid="drift-table">
          <caption className="text-left text-sm font-semibold">Drift by target (weight held − target)</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Target</th>
              <th scope="col" className="num">Weight</th>
              <th scope="col" className="num">Band</th>
              <th scope="col" className="num">Before</th>
              <th scope="col" className="num">After</th>
              <th scope="col">After the trades</th>
            </tr>
          </thead>
          <tbody>
            {p.drifts.map((d, i) => (
              <tr key={i}>
                <td>{account(d.accountId)}</td>
                <td>{d.target.instrumentId ? symbol(d.target.instrumentId) : humanize(d.target.assetClass ?? '')}</td>
                <td className="num">{formatPercent(d.target.weight)}</td>
                <td className="num">±{formatPercent(d.target.band ?? Math.min(d.target.absoluteBand, d.target.relativeBand * d.target.weight))}</td>
                <td className="num">{formatPoints(d.before)}</td>
                <td className="num">{formatPoints(d.after)}</td>
                <td className="text-xs">{d.inBandAfter ? 'In band' : (d.reason ?? 'Outside its band')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {p.trades.length > 0 && <AcceptProposal proposal={proposal} onAccepted={onAccepted} />}
    </div>
  );
}

/**
 * Accepting places orders, a critical action: without a second factor from the last ten minutes
 * the server answers 403 step-up-required, and the shared step-up dialog asks for a code and
 * sends the accept again.
 */
function AcceptProposal({ proposal, onAccepted }: { proposal: Proposal; onAccepted: () => void }) {
  const stepUp = useStepUp('Placing orders needs a fresh confirmation: enter the six-digit code from your authenticator app (or a recovery code).');
  const accept = useMutation({
    mutationFn: () =>
      stepUp.run(() =>
        unwrap(
          api.POST('/api/v1/households/{householdId}/rebalance-proposals/{proposalId}/accept', {
            params: { path: { householdId: proposal.householdId, proposalId: proposal.id } },
          }),
        ),
      ),
    onSuccess: onAccepted,
  });
  const errorCode = accept.error instanceof ApiError ? accept.error.code : undefined;
  if (accept.isSuccess) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
        Accepted: {accept.data.length} pending order(s) created. They are listed under Orders below.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <button type="button" className="btn" disabled={accept.isPending} onClick={() => accept.mutate()}>
        Accept and create orders
      </button>
      {stepUp.dialog}
      {errorCode === 'mfa-required' && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          Placing orders needs two-factor sign-in. Turn it on in <Link to="../settings" relative="path" className="underline">Settings</Link>, then accept again.
        </p>
      )}
      {accept.isError && !(accept.error instanceof StepUpCancelled) && errorCode !== 'mfa-required' && <ErrorMessage error={accept.error} title="Could not accept the proposal" />}
    </div>
  );
}
