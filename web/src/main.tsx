import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider, QueryCache, MutationCache } from '@tanstack/react-query';
import { router } from './router';
import { ApiError } from './api/problem';
import { registerServiceWorker } from './pwa/register';
import { RealtimeProvider } from './realtime/RealtimeProvider';
import './index.css';

// A 401 anywhere means no (valid) session: send the user to sign in, then back.
function onError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && !location.pathname.startsWith('/sign-')) {
    void router.navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
  }
}

const queryClient = new QueryClient({
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider>
        <RouterProvider router={router} />
      </RealtimeProvider>
    </QueryClientProvider>
  </StrictMode>,
);

registerServiceWorker();
