import { Link } from 'react-router';
import { Empty, QueryView } from '../components/DataState';
import { clientColumns } from './clientColumns';
import { useClients, useIsAdvisor } from './queries';
import { AdvisorConsultationsSection, ProfileSection } from './ProfileSection';

/**
 * The advisor's start page: the households whose owners granted them access. Opening one shows
 * that household's pages through the grant (the server checks the grant and the second factor on
 * every call); its owner can revoke the grant at any time.
 */
export function AdvisorPage() {
  const advisor = useIsAdvisor();
  const clients = useClients(advisor);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 p-4">
      <h1>Clients</h1>
      {!advisor ? (
        <Empty>
          This page is for advisors. An administrator gives the advisor role, and advisors sign in with two-factor sign-in. Your own households are on the{' '}
          <Link to="/" className="text-brand-700 underline">
            households page
          </Link>
          .
        </Empty>
      ) : (
        <>
        <ProfileSection />
        <AdvisorConsultationsSection />
        <section className="card overflow-x-auto" aria-labelledby="clients-heading">
          <h2 id="clients-heading" className="mb-2">
            Client households
          </h2>
          <QueryView query={clients} loadingLabel="Loading your clients…">
            {(list) =>
              list.length === 0 ? (
                <Empty>No household has granted you access yet. An owner grants it from their household’s settings, with your e-mail address.</Empty>
              ) : (
                <table className="table" data-testid="clients-table">
                  <thead>
                    <tr>
                      {clientColumns.map((c) => (
                        <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((client) => (
                      <tr key={client.householdId}>
                        {clientColumns.map((c) => (
                          <td key={c.key} className={c.numeric ? 'num' : undefined}>
                            {c.cell(client)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </QueryView>
        </section>
        </>
      )}
    </main>
  );
}
