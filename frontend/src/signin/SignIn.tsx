import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { apiGet, apiPost } from '../api/client';
import { startCognitoSignIn } from '../auth/cognito';
import { getConfig } from '../auth/config';
import { useAuth } from '../auth/session';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { ErrorState, Loading } from '../ui/States';
import { takeSignInError } from './signInError';

type DemoUser = { tenant: string; role: 'admin' | 'supervisor'; name: string; queues?: string[] };

// safeNext keeps the post-sign-in redirect inside the app.
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/tracking';
}

export function SignIn() {
  const { t } = useTranslation();
  const { token } = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const cognito = getConfig().cognito;
  const [returnError] = useState(takeSignInError);

  if (token) return <Navigate to={next} replace />;
  return (
    <div className="signin-page">
      <header className="signin-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="signin" id="main">
        <h1>{t('signin.title')}</h1>
        {returnError && <ErrorState error={returnError} />}
        {cognito ? (
          <button type="button" className="primary" onClick={() => void startCognitoSignIn(cognito, next)}>
            {t('signin.cognito')}
          </button>
        ) : (
          <DemoUsers next={next} />
        )}
      </main>
    </div>
  );
}

// DemoUsers is local dev's sign-in: the dev server lists its demo users and issues tokens.
function DemoUsers({ next }: { next: string }) {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const users = useQuery({
    queryKey: ['dev-users'],
    queryFn: ({ signal }) => apiGet<{ users: DemoUser[] }>('/dev/users', undefined, signal),
  });
  const issue = useMutation({
    mutationFn: (u: DemoUser) => apiPost<{ token: string }>('/dev/token', u),
    onSuccess: (r) => {
      signIn(r.token);
      void navigate(next, { replace: true });
    },
  });

  if (users.isPending) return <Loading />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <>
      <p>{t('signin.devIntro')}</p>
      <ul className="demo-users">
        {users.data.users.map((u) => (
          <li key={`${u.role}-${u.name}`}>
            <button
              type="button"
              data-testid={`signin-${u.role}`}
              disabled={issue.isPending}
              onClick={() => issue.mutate(u)}
            >
              <strong>{u.name}</strong>
              <span>
                {t(`header.roles.${u.role}`)} · {u.tenant}
                {u.queues && u.queues.length > 0 && ` · ${t('header.queues')}: ${u.queues.join(', ')}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {issue.isError && <ErrorState error={issue.error} />}
    </>
  );
}
