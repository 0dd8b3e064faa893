import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { portfolioKeys } from '../portfolio/queries';
import { QueryView } from '../components/DataState';
import { formatMoney, formatPercent, humanize } from '../lib/format';
import { formatPoints } from '../lib/percent';
import { AnomalyAlerts } from '../anomalies/AnomalyAlerts';
import { useClientHousehold } from '../advisor/queries';

/** Targets outside their bands and harvesting opportunities today (GET …/alerts), and the unusual days the anomaly scan recorded. */
export function AlertsCard({ householdId }: { householdId: string }) {
  const alerts = useQuery({
    queryKey: portfolioKeys.alerts(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/alerts', { params: { path: { householdId }, query: {} } })),
  });
  const { client } = useClientHousehold(householdId);
  return (
    <section className="card space-y-2" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <QueryView query={alerts} loadingLabel="Checking targets and losses…">
        {(a) => (
          <>
          {a.unavailable ? (
            <p className="text-sm" data-testid="alerts-unavailable">
              Drift and tax-loss checks need every holding priced in the household&apos;s currency: {a.unavailable.message}
            </p>
          ) : (
          <ul className="space-y-2 text-sm" data-testid="alerts">
            {a.targets === 0 ? (
              <li>
                No rebalance targets set. <Link to="../portfolio" relative="path" className="text-brand-700 underline">Choose a model portfolio</Link> to watch for drift.
              </li>
            ) : a.drift.length === 0 ? (
              <li data-testid="drift-ok">All {a.targets} target(s) are inside their bands.</li>
            ) : (
              a.drift.map((d, i) => (
                <li key={i} className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950" data-testid="drift-alert">
                  <strong>{d.symbol ?? humanize(d.assetClass ?? '')}</strong> in {d.accountName} is {formatPoints(d.drift)} from its {formatPercent(d.weight)} target (band ±{formatPercent(d.band)}).{' '}
                  <Link to="../portfolio" relative="path" className="underline">
                    Preview a rebalance
                  </Link>
                </li>
              ))
            )}
            <li data-testid="harvest-alert">
              {a.harvest.count === 0 ? (
                'No tax-loss harvesting opportunity today.'
              ) : (
                <>
                  <strong>{a.harvest.count}</strong> tax-loss harvesting opportunit{a.harvest.count === 1 ? 'y' : 'ies'}: losses of {formatMoney(a.harvest.loss, a.currency)}, estimated saving{' '}
                  <strong>{formatMoney(a.harvest.estimatedSaving, a.currency)}</strong>. <Link to="../tax" relative="path" className="underline">See the tax page</Link>
                </>
              )}
              {a.harvest.blocked > 0 && ` ${a.harvest.blocked} loss(es) wait for the wash-sale window to pass.`}
            </li>
          </ul>
          )}
          <h3 className="pt-1 text-sm font-semibold">Unusual days</h3>
          <AnomalyAlerts householdId={householdId} anomalies={a.anomalies ?? []} readOnly={client !== undefined} />
          </>
        )}
      </QueryView>
    </section>
  );
}
