import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequireSession } from './auth/RequireSession';
import { SignInPage } from './auth/SignInPage';

// Every page loads on first visit, so the entry holds only React, the router and the frame: the
// sign-in page does not carry TanStack Query, the typed API client, the forms and schemas of the
// others, nor any page the charts library (docs/web.md, "Bundle budget"). The pages that read the API
// sit under a lazy layout route (QueryRoot, SignedInRoot) that brings the query cache. While the first page's chunk loads the router shows
// the fallback (without one it warns on every lazy page). Pages that need a session sit under
// RequireSession, which sends a signed-out visitor to sign in before any API call.
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    hydrateFallbackElement: (
      <p role="status" className="p-4 text-sm text-slate-600">
        Loading…
      </p>
    ),
    children: [
      // In the entry, not lazy: it is the page a visitor meets first, and its chunk would cost a second
      // round trip after the entry before anything shows (its 3 KiB are in the sign-in budget anyway).
      { path: '/sign-in', Component: SignInPage },
      {
        lazy: () => import('./query/QueryRoot').then((m) => ({ Component: m.QueryRoot })),
        children: [
          { path: '/sign-up', lazy: () => import('./auth/SignUpPage').then((m) => ({ Component: m.SignUpPage })) },
          { path: '/signin/external', lazy: () => import('./auth/ExternalSignIn').then((m) => ({ Component: m.ExternalSignInPage })) },
          { path: '/reset-password', lazy: () => import('./auth/PasswordResetPage').then((m) => ({ Component: m.PasswordResetPage })) },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            lazy: () => import('./query/QueryRoot').then((m) => ({ Component: m.SignedInRoot })),
            children: [
              { path: '/', lazy: () => import('./pages/HouseholdsPage').then((m) => ({ Component: m.HouseholdsPage })) },
              { path: '/admin', lazy: () => import('./admin/AdminPage').then((m) => ({ Component: m.AdminPage })) },
              { path: '/advisor', lazy: () => import('./advisor/AdvisorPage').then((m) => ({ Component: m.AdvisorPage })) },
              { path: '/learn', lazy: () => import('./learning/LearnPage').then((m) => ({ Component: m.LearnPage })) },
              { path: '/learn/:slug', lazy: () => import('./learning/ArticlePage').then((m) => ({ Component: m.ArticlePage })) },
              {
                path: '/households/:householdId',
                lazy: () => import('./household/HouseholdLayout').then((m) => ({ Component: m.HouseholdLayout })),
                children: [
                  { index: true, element: <Navigate to="dashboard" replace /> },
                  { path: 'dashboard', lazy: () => import('./pages/DashboardPage').then((m) => ({ Component: m.DashboardPage })) },
                  { path: 'accounts', lazy: () => import('./pages/AccountsPage').then((m) => ({ Component: m.AccountsPage })) },
                  { path: 'accounts/:accountId/orders', lazy: () => import('./pages/OrdersPage').then((m) => ({ Component: m.OrdersPage })) },
                  { path: 'advisors', lazy: () => import('./advisors/AdvisorsPage').then((m) => ({ Component: m.AdvisorsPage })) },
                  { path: 'strategies', lazy: () => import('./strategies/StrategiesPage').then((m) => ({ Component: m.StrategiesPage })) },
                  { path: 'strategies/:strategyId', lazy: () => import('./strategies/StrategyPage').then((m) => ({ Component: m.StrategyPage })) },
                  { path: 'connections', lazy: () => import('./connections/ConnectionsPage').then((m) => ({ Component: m.ConnectionsPage })) },
                  { path: 'webhooks', lazy: () => import('./pages/WebhooksPage').then((m) => ({ Component: m.WebhooksPage })) },
                  { path: 'holdings', lazy: () => import('./pages/HoldingsPage').then((m) => ({ Component: m.HoldingsPage })) },
                  { path: 'portfolio', lazy: () => import('./pages/PortfolioPage').then((m) => ({ Component: m.PortfolioPage })) },
                  { path: 'instruments', lazy: () => import('./pages/InstrumentsPage').then((m) => ({ Component: m.InstrumentsPage })) },
                  { path: 'transactions', lazy: () => import('./pages/TransactionsPage').then((m) => ({ Component: m.TransactionsPage })) },
                  { path: 'categories', lazy: () => import('./categories/CategoriesPage').then((m) => ({ Component: m.CategoriesPage })) },
                  { path: 'budgets', lazy: () => import('./budgets/BudgetsPage').then((m) => ({ Component: m.BudgetsPage })) },
                  { path: 'cash-flow', lazy: () => import('./budgets/CashFlowPage').then((m) => ({ Component: m.CashFlowPage })) },
                  { path: 'import', lazy: () => import('./pages/ImportPage').then((m) => ({ Component: m.ImportPage })) },
                  { path: 'plans', lazy: () => import('./pages/PlansPage').then((m) => ({ Component: m.PlansPage })) },
                  { path: 'plans/compare', lazy: () => import('./plans/ComparePage').then((m) => ({ Component: m.ComparePage })) },
                  { path: 'plans/:planId', lazy: () => import('./pages/PlanPage').then((m) => ({ Component: m.PlanPage })) },
                  { path: 'goals', lazy: () => import('./goals/GoalsPage').then((m) => ({ Component: m.GoalsPage })) },
                  { path: 'net-worth', lazy: () => import('./pages/NetWorthPage').then((m) => ({ Component: m.NetWorthPage })) },
                  { path: 'tax', lazy: () => import('./pages/TaxPage').then((m) => ({ Component: m.TaxPage })) },
                  { path: 'settings', lazy: () => import('./pages/SettingsPage').then((m) => ({ Component: m.SettingsPage })) },
                  { path: 'risk-profile', lazy: () => import('./pages/RiskProfilePage').then((m) => ({ Component: m.RiskProfilePage })) },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', lazy: () => import('./pages/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
];

export const router = createBrowserRouter(routes);
