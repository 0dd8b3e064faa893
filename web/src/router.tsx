import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { HouseholdLayout } from './household/HouseholdLayout';
import { HouseholdsPage } from './pages/HouseholdsPage';
import { SignInPage } from './auth/SignInPage';
import { SignUpPage } from './auth/SignUpPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Pages load on first visit, so the charts library is fetched only by the pages that draw. While the
// first page's chunk loads the router shows the fallback (without one it warns on every lazy page).
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    hydrateFallbackElement: (
      <p role="status" className="p-4 text-sm text-slate-600">
        Loading…
      </p>
    ),
    children: [
      { path: '/', element: <HouseholdsPage /> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-up', element: <SignUpPage /> },
      { path: '/signin/external', lazy: () => import('./auth/ExternalSignIn').then((m) => ({ Component: m.ExternalSignInPage })) },
      { path: '/admin', lazy: () => import('./admin/AdminPage').then((m) => ({ Component: m.AdminPage })) },
      { path: '/advisor', lazy: () => import('./advisor/AdvisorPage').then((m) => ({ Component: m.AdvisorPage })) },
      { path: '/reset-password', lazy: () => import('./auth/PasswordResetPage').then((m) => ({ Component: m.PasswordResetPage })) },
      {
        path: '/households/:householdId',
        element: <HouseholdLayout />,
        children: [
          { index: true, element: <Navigate to="dashboard" replace /> },
          { path: 'dashboard', lazy: () => import('./pages/DashboardPage').then((m) => ({ Component: m.DashboardPage })) },
          { path: 'accounts', lazy: () => import('./pages/AccountsPage').then((m) => ({ Component: m.AccountsPage })) },
          { path: 'holdings', lazy: () => import('./pages/HoldingsPage').then((m) => ({ Component: m.HoldingsPage })) },
          { path: 'portfolio', lazy: () => import('./pages/PortfolioPage').then((m) => ({ Component: m.PortfolioPage })) },
          { path: 'instruments', lazy: () => import('./pages/InstrumentsPage').then((m) => ({ Component: m.InstrumentsPage })) },
          { path: 'transactions', lazy: () => import('./pages/TransactionsPage').then((m) => ({ Component: m.TransactionsPage })) },
          { path: 'import', lazy: () => import('./pages/ImportPage').then((m) => ({ Component: m.ImportPage })) },
          { path: 'plans', lazy: () => import('./pages/PlansPage').then((m) => ({ Component: m.PlansPage })) },
          { path: 'plans/:planId', lazy: () => import('./pages/PlanPage').then((m) => ({ Component: m.PlanPage })) },
          { path: 'net-worth', lazy: () => import('./pages/NetWorthPage').then((m) => ({ Component: m.NetWorthPage })) },
          { path: 'tax', lazy: () => import('./pages/TaxPage').then((m) => ({ Component: m.TaxPage })) },
          { path: 'settings', lazy: () => import('./pages/SettingsPage').then((m) => ({ Component: m.SettingsPage })) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
