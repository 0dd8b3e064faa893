import { useEffect, useState } from 'react';
import { rawJson } from '../api/rawJson';

export interface ExternalProvider {
  name: string;
  displayName: string;
  startUrl: string;
}

/**
 * "Sign in with …" for each OpenID Connect provider the server has configured (none: nothing shown).
 * A plain fetch, not a query: the sign-in page loads without TanStack Query (docs/web.md, "Bundle budget").
 */
export function ExternalProviderButtons() {
  const [list, setList] = useState<ExternalProvider[]>([]);
  useEffect(() => {
    let live = true;
    rawJson<ExternalProvider[]>('/auth/external').then(
      (providers) => live && Array.isArray(providers) && setList(providers),
      () => undefined, // no providers, or a server without the route: no buttons
    );
    return () => {
      live = false;
    };
  }, []);
  if (list.length === 0) return null;
  return (
    <div className="space-y-2">
      {list.map((p) => (
        // A full page navigation: the provider's sign-in page is another site.
        <a key={p.name} href={p.startUrl} className="btn w-full text-center block">
          Sign in with {p.displayName}
        </a>
      ))}
    </div>
  );
}
