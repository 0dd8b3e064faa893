import { QueryClient, QueryCache, MutationCache } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import { router } from '../router';

// The tab's one query cache. TanStack Query loads with the first page that reads the API (QueryRoot),
// not with the sign-in page (docs/web.md, "Bundle budget").

// A 401 anywhere means no (valid) session: send the user to sign in, then back.
function onError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && !location.pathname.startsWith('/sign-')) {
    void router.navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors (4xx) will not fix themselves; retry only server or network failures.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});
