import { Link } from 'react-router';
import { useClientHousehold } from './queries';

/** Shown above a household's pages when the signed-in advisor sees it through a client's grant. */
export function ClientBanner({ householdId }: { householdId: string }) {
  const { client } = useClientHousehold(householdId);
  if (!client) return null;
  return (
    <p className="bg-amber-50 px-4 py-1.5 text-center text-sm text-amber-950" data-testid="client-banner">
      Advisor view of a client’s household ({client.name}), through their grant.{' '}
      <Link to="/advisor" className="underline">
        Back to clients
      </Link>
    </p>
  );
}
