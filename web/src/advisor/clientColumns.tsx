import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ClientHousehold } from '../api/types';
import { formatInstant, formatMoney } from '../lib/format';

/** One column of the advisor's client list; more (alerts, last review) join by adding an entry here. */
export interface ClientColumn {
  key: string;
  header: string;
  numeric?: boolean;
  cell: (client: ClientHousehold) => ReactNode;
}

export const clientColumns: ClientColumn[] = [
  {
    key: 'name',
    header: 'Household',
    cell: (c) => (
      <Link to={`/households/${c.householdId}/dashboard`} className="font-medium text-brand-700 underline">
        {c.name}
      </Link>
    ),
  },
  { key: 'granted', header: 'Access since', cell: (c) => formatInstant(c.grantedUtc) },
  { key: 'alerts', header: 'Alerts', cell: (c) => alertsText(c.alerts) },
];

/** "2 targets out of band · 1 harvest (saves $406.80)", "No alerts", or why there are none to show. */
export function alertsText(a: ClientHousehold['alerts']): string {
  if (a.unavailable) return `Not available: ${a.unavailable}`;
  const parts: string[] = [];
  if (a.outOfBandTargets) parts.push(`${a.outOfBandTargets} target${a.outOfBandTargets === 1 ? '' : 's'} out of band`);
  if (a.harvestOpportunities) {
    const saving = a.estimatedSaving != null && a.currency ? ` (saves ${formatMoney(a.estimatedSaving, a.currency)})` : '';
    parts.push(`${a.harvestOpportunities} harvest${a.harvestOpportunities === 1 ? '' : 's'}${saving}`);
  }
  return parts.length > 0 ? parts.join(' · ') : 'No alerts';
}
