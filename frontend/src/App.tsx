import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, isCancellation } from './api/client';
import { AuthProvider } from './auth/session';
import './i18n';
import { reportRoutes } from './reports/routes';
import { Layout } from './shell/Layout';
import { NotFound } from './shell/NotFound';
import { RequireSession } from './shell/RequireSession';
import { SignIn } from './signin/SignIn';
import { Loading } from './ui/States';

// Screens are split by route so the initial bundle stays small (ECharts only loads with
// the report screens).
const TrackingPage = lazy(() => import('./tracking/TrackingPage'));
const ExportsPage = lazy(() => import('./exports/ExportsPage'));

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors will not fix themselves by asking again, and a cancelled request
        // was called off on purpose.
        retry: (count, err) => !isCancellation(err) && !(err instanceof ApiError && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

const queryClient = makeQueryClient();

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignIn />} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/tracking" replace />} />
          <Route
            path="tracking"
            element={
              <Suspense fallback={<Loading />}>
                <TrackingPage />
              </Suspense>
            }
          />
          <Route
            path="exports"
            element={
              <Suspense fallback={<Loading />}>
                <ExportsPage />
              </Suspense>
            }
          />
          {reportRoutes.map((r) => (
            <Route key={r.path} path={r.path} element={<Suspense fallback={<Loading />}>{r.element}</Suspense>} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </QueryClientProvider>
  );
}
