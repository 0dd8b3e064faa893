import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { Account, Instrument, Proposal } from '../api/types';
import { saveSession, toSession } from '../auth/session';
import { ErrorMessage, Empty } from '../components/DataState';
import { ScrollArea } from '../components/ScrollArea';
import { formatDate, formatMoney, formatNumber, formatPercent, humanize } from '../lib/format';
import { formatPoints } from '../lib/percent';
import { portfolioKeys } from './queries';

interface Names {
  accounts: Map<string, Account>;
  instruments: Map<string, Instrument>;
}

/** Proposes trades (nothing is traded), shows them with their reasons, and accepts them as pending orders after a step-up. */
export function RebalancePreview({ householdId, currency, names }: { householdId: string; currency: string; names: Names }) {
  const [force, setForce] = useState(false);
  const queryClient = useQueryClient();
  const propose = useMutation({
    mutationFn: () => unwrap(api.POST('/api/households/{householdId}/rebalance', { params: { path: { householdId } }, body: { force, asOf: null } })),
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
      {p.trades.length === 0 ? (
        <Empty>No trades: every target is inside its band, or nothing can be traded (see the reasons below).</Empty>
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
 * Accepting places orders, a critical action: the server wants a fresh second-factor proof
 * (403 step-up-required). The user then types a code, POST /api/me/step-up answers new tokens,
 * and the accept is sent again.
 */
function AcceptProposal({ proposal, onAccepted }: { proposal: Proposal; onAccepted: () => void }) {
  const [code, setCode] = useState('');
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/households/{householdId}/rebalance-proposals/{proposalId}/accept', {
          params: { path: { householdId: proposal.householdId, proposalId: proposal.id } },
        }),
      ),
    onSuccess: onAccepted,
  });
  const stepUp = useMutation({
    mutationFn: () => {
      const recovery = !/^\d{6}$/.test(code);
      return unwrap(api.POST('/api/me/step-up', { body: recovery ? { totpCode: null, recoveryCode: code } : { totpCode: code, recoveryCode: null } }));
    },
    onSuccess: (tokens) => {
      saveSession(toSession(tokens));
      setCode('');
      accept.mutate();
    },
  });
  const errorCode = accept.error instanceof ApiError ? accept.error.code : undefined;
  const needsStepUp = errorCode === 'step-up-required';
  if (accept.isSuccess) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
        Accepted: {accept.data.length} pending order(s) created. They are listed under Orders below.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <button type="button" className="btn" disabled={accept.isPending || stepUp.isPending} onClick={() => accept.mutate()}>
        Accept and create orders
      </button>
      {needsStepUp && (
        <form
          className="space-y-2 rounded-md border border-slate-300 p-3"
          aria-labelledby="stepup-heading"
          onSubmit={(e) => {
            e.preventDefault();
            stepUp.mutate();
          }}
        >
          <h3 id="stepup-heading" className="font-semibold">
            Confirm it is you
          </h3>
          <p className="text-sm">Placing orders needs a fresh confirmation: enter the six-digit code from your authenticator app (or a recovery code).</p>
          <label className="block text-sm">
            <span className="label">Authentication code</span>
            <input className="input w-48" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value.trim())} />
          </label>
          <button type="submit" className="btn" disabled={code.length < 6 || stepUp.isPending}>
            Confirm and accept
          </button>
          {stepUp.isError && <ErrorMessage error={stepUp.error} title="The code was not accepted" />}
        </form>
      )}
      {errorCode === 'mfa-required' && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          Placing orders needs two-factor sign-in. Turn it on in <Link to="../settings" relative="path" className="underline">Settings</Link>, then accept again.
        </p>
      )}
      {accept.isError && !needsStepUp && errorCode !== 'mfa-required' && <ErrorMessage error={accept.error} title="Could not accept the proposal" />}
    </div>
  );
}
