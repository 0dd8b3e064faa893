import { Outlet } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { queryClient } from './queryClient';

/** Layout route of the pages that read the API without a session (sign-up, password reset, external sign-in). */
export function QueryRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <Outlet />
    </QueryClientProvider>
  );
}

/** Layout route of the signed-in pages: the query cache and the tab's real-time connection. */
export function SignedInRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider>
        <Outlet />
      </RealtimeProvider>
    </QueryClientProvider>
  );
}
