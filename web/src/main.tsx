import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './router';
import { registerServiceWorker } from './pwa/register';
import './index.css';

// The query cache and the real-time connection come with the first page that reads the API
// (query/QueryRoot.tsx), not with the entry: the sign-in page needs neither.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);

registerServiceWorker();
