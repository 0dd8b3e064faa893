import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { keys } from '../household/queries';
import { Empty, Loading, QueryView } from '../components/DataState';
import { formatInstant } from '../lib/format';

// Its form (react-hook-form, zod) loads after the list; the fallback holds the card's place.
const CreateHousehold = lazy(() => import('../household/CreateHousehold').then((m) => ({ default: m.CreateHousehold })));

export function HouseholdsPage() {
  const households = useQuery({ queryKey: keys.households, queryFn: () => unwrap(api.GET('/api/v1/households')) });
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 p-4">
      <h1>Households</h1>
      <section className="card" aria-labelledby="households-heading">
        <h2 id="households-heading" className="mb-2">
          Your households
        </h2>
        <QueryView query={households}>
          {(list) =>
            list.length === 0 ? (
              <Empty>No household yet. Create one below to start your ledger.</Empty>
            ) : (
              <ul className="divide-y divide-slate-100">
                {list.map((h) => (
                  <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link to={`/households/${h.id}/dashboard`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {h.name}
                    </Link>
                    <span className="text-sm text-slate-600">
                      {h.reportingCurrency} · created {formatInstant(h.createdUtc)}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <Suspense fallback={<Loading className="card h-36" />}>
        <CreateHousehold />
      </Suspense>
    </main>
  );
}
