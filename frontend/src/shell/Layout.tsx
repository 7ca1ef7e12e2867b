import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useAuth, useSession } from '../auth/session';
import { reportRoutes } from '../reports/routes';
import { LanguageSwitch } from './LanguageSwitch';

// Layout is every signed-in screen's frame: who is signed in (name, tenant, role, zone)
// is always visible, as the issue asks.
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut } = useAuth();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <dl className="who" data-testid="who">
          <div>
            <dt>{t('header.user')}</dt>
            <dd data-testid="who-name">{session.name}</dd>
          </div>
          <div>
            <dt>{t('header.tenant')}</dt>
            <dd data-testid="who-tenant">{session.tenant}</dd>
          </div>
          <div>
            <dt>{t('header.role')}</dt>
            <dd data-testid="who-role">
              {t(`header.roles.${session.role}`)}
              {session.queues && session.queues.length > 0 && ` (${session.queues.join(', ')})`}
            </dd>
          </div>
          <div>
            <dt>{t('header.zone')}</dt>
            <dd data-testid="who-zone">{session.zone}</dd>
          </div>
        </dl>
        <LanguageSwitch />
        <button type="button" className="signout" onClick={signOut}>
          {t('header.signOut')}
        </button>
      </header>
      <nav className="app-nav" aria-label={t('app.nav')}>
        <ul>
          <li>
            <NavLink to="/tracking">{t('nav.tracking')}</NavLink>
          </li>
          {reportRoutes.map((r) => (
            <li key={r.path}>
              <NavLink to={`/${r.path}`}>{t(r.labelKey, { ns: 'reports' })}</NavLink>
            </li>
          ))}
          <li>
            <NavLink to="/exports">{t('nav.exports')}</NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
