import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ClientHousehold } from '../api/types';
import { formatInstant } from '../lib/format';

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
];
