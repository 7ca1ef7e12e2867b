import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client';
import i18n, { chooseLanguage, isLanguage, savedLanguage } from '../i18n';
import { cognitoSignOutUrl } from './cognito';
import { getConfig } from './config';
import { getToken, setToken, setUnauthorizedHandler } from './token';

// What GET /v1/me answers.
export type Me = {
  identity: { tenant: string; userId: string; name: string; role: string; queues: string[] };
  settings: { timeZone: string; locale: string; slaMinutes: number[] };
};

export type Session = {
  tenant: string;
  role: 'admin' | 'supervisor';
  name: string;
  zone: string; // the tenant's IANA zone: every date the API speaks of is in it
  locale: string; // the UI language in use, for number and date formatting
  queues?: string[];
  slaMinutes: number[];
};

type Auth = {
  token: string | null;
  signIn: (token: string) => void;
  signOut: () => void;
};

const AuthContext = createContext<Auth | null>(null);
const MeContext = createContext<Me | null>(null);

// AuthProvider owns the token; a 401 from any API call ends the session.
export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setTokenState] = useState<string | null>(() => getToken());
  const client = useQueryClient();

  const signIn = useCallback(
    (t: string) => {
      client.clear(); // never show one user's cached data to the next
      setToken(t);
      setTokenState(t);
    },
    [client],
  );
  const signOut = useCallback(() => {
    setToken(null);
    setTokenState(null);
    client.clear();
    const cognito = getConfig().cognito;
    if (cognito) window.location.assign(cognitoSignOutUrl(cognito));
  }, [client]);

  useEffect(() => {
    setUnauthorizedHandler(signOut);
    return () => setUnauthorizedHandler(undefined);
  }, [signOut]);

  const value = useMemo(() => ({ token, signIn, signOut }), [token, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}

export function useMeQuery(enabled: boolean) {
  return useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => apiGet<Me>('/v1/me', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

// MeProvider makes the signed-in user's identity available to useSession; the signed-in
// layout renders it once /v1/me has answered. The tenant's locale becomes the UI language
// unless the user chose one on this browser.
export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  useEffect(() => {
    const loc = me.settings.locale;
    // Follow the tenant without recording it as the user's own choice.
    if (!savedLanguage() && isLanguage(loc) && i18n.language !== loc) void i18n.changeLanguage(loc);
  }, [me.settings.locale]);
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function toSession(me: Me, locale: string): Session {
  const role = me.identity.role === 'admin' ? 'admin' : 'supervisor';
  return {
    tenant: me.identity.tenant,
    role,
    name: me.identity.name,
    zone: me.settings.timeZone,
    locale,
    queues: role === 'supervisor' ? me.identity.queues : undefined,
    slaMinutes: me.settings.slaMinutes,
  };
}

// useSession is the signed-in user as every screen needs it. Only valid under the
// signed-in layout.
export function useSession(): Session {
  const me = useContext(MeContext);
  const { i18n } = useTranslation();
  if (!me) throw new Error('useSession outside the signed-in layout');
  return useMemo(() => toSession(me, i18n.language), [me, i18n.language]);
}

export { chooseLanguage };
