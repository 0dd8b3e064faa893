import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { config as zodConfig } from 'zod/v4/core';
import { router } from './router';
import { registerServiceWorker } from './pwa/register';
import './index.css';

// zod compiles parsers with `new Function` unless told not to; the app's CSP (script-src 'self') blocks
// that, and even zod's caught probe is reported as a CSP violation (Lighthouse, best practices).
zodConfig({ jitless: true });

// The query cache and the real-time connection come with the first page that reads the API
// (query/QueryRoot.tsx), not with the entry: the sign-in page needs neither.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);

registerServiceWorker();
