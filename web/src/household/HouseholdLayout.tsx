import { NavLink, Outlet, useParams } from 'react-router';
import { useHousehold } from './queries';
import { ErrorMessage } from '../components/DataState';
import { ClientBanner } from '../advisor/ClientBanner';
import { useHouseholdRealtime } from '../realtime/RealtimeProvider';

const links = [
  ['dashboard', 'Dashboard'],
  ['accounts', 'Accounts'],
  ['net-worth', 'Net worth'],
  ['holdings', 'Holdings'],
  ['portfolio', 'Portfolio'],
  ['transactions', 'Transactions'],
  ['categories', 'Categories'],
  ['budgets', 'Budgets'],
  ['cash-flow', 'Cash flow'],
  ['instruments', 'Instruments'],
  ['import', 'Import'],
  ['plans', 'Plans'],
  ['goals', 'Goals'],
  ['risk-profile', 'Risk profile'],
  ['tax', 'Tax'],
  ['advisors', 'Advisors'],
  ['strategies', 'Strategies'],
  ['connections', 'Connections'],
  ['webhooks', 'Webhooks'],
  ['settings', 'Settings'],
] as const;

export function useHouseholdId(): string {
  const { householdId } = useParams();
  if (!householdId) throw new Error('No household in the address.');
  return householdId;
}

export function HouseholdLayout() {
  const householdId = useHouseholdId();
  const household = useHousehold(householdId);
  useHouseholdRealtime(householdId);
  return (
    <>
      <ClientBanner householdId={householdId} />
      <nav aria-label="Household" className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4">
          <p className="pt-2 text-sm text-slate-700">
            {/* A no-break space holds the line's height until the name arrives (a plain space collapses and the page below would shift). */}
            {household.isSuccess ? <span className="font-medium">{household.data.name}</span> : '\u00a0'}
          </p>
          {household.data?.priceNote && (
            <p className="text-xs text-slate-600" data-testid="price-note">
              {household.data.priceNote}
            </p>
          )}
          <ul className="-mb-px flex gap-1 overflow-x-auto text-sm">
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink
                  to={to}
                  className={({ isActive }) =>
                    `block whitespace-nowrap border-b-2 px-3 py-2 ${isActive ? 'border-brand-600 font-semibold text-brand-800' : 'border-transparent text-slate-700 hover:text-slate-950'}`
                  }
                >
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <main id="main" className="mx-auto max-w-6xl space-y-4 p-4">
        {household.isError ? <ErrorMessage error={household.error} title="This household could not be opened" /> : <Outlet />}
      </main>
    </>
  );
}
