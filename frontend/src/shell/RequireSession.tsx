import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MeProvider, useAuth, useMeQuery } from '../auth/session';
import { ErrorState, Loading } from '../ui/States';

// RequireSession sends a visitor without a token to sign-in (remembering where they were
// going), and renders the signed-in screens once /v1/me has said who they are.
export function RequireSession() {
  const { token, signOut } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  const me = useMeQuery(Boolean(token));
  if (!token) {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.isPending) return <Loading />;
  if (me.isError)
    return (
      <main className="signin">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        <button type="button" onClick={signOut}>
          {t('header.signOut')}
        </button>
      </main>
    );
  return (
    <MeProvider me={me.data}>
      <Outlet />
    </MeProvider>
  );
}
