import type { AuthConfig } from './config';
import { challengeOf, randomString } from './pkce';
import { setToken } from './token';

// The Cognito hosted UI with authorization code + PKCE. Kept in sessionStorage between
// leaving for the hosted UI and coming back: the verifier, the state and where to go next.
const FLOW_KEY = 'rastro.pkce';

type Flow = { verifier: string; state: string; next: string };

export async function startCognitoSignIn(c: NonNullable<AuthConfig['cognito']>, next: string): Promise<void> {
  const flow: Flow = { verifier: randomString(48), state: randomString(16), next };
  sessionStorage.setItem(FLOW_KEY, JSON.stringify(flow));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: c.clientId,
    redirect_uri: c.redirectUri,
    scope: 'openid email profile',
    state: flow.state,
    code_challenge_method: 'S256',
    code_challenge: await challengeOf(flow.verifier),
  });
  window.location.assign(`${c.domain}/oauth2/authorize?${q}`);
}

// completeCognitoSignIn finishes a sign-in when the hosted UI sends the browser back with
// ?code&state: the code is exchanged for tokens and the ID token (the one the API's JWT
// authorizer takes, with the tenant and role claims) becomes the session's bearer token.
// It answers the in-app path to continue to, or null when this load is not a return.
export async function completeCognitoSignIn(c: NonNullable<AuthConfig['cognito']>): Promise<string | null> {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  const state = url.searchParams.get('state');
  if (!code || !state) return null;
  const raw = sessionStorage.getItem(FLOW_KEY);
  sessionStorage.removeItem(FLOW_KEY);
  const flow = raw ? (JSON.parse(raw) as Flow) : null;
  if (!flow || flow.state !== state) throw new Error('sign-in state mismatch');
  const res = await fetch(`${c.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: c.clientId,
      code,
      redirect_uri: c.redirectUri,
      code_verifier: flow.verifier,
    }),
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status}`);
  const tokens = (await res.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('token exchange returned no id_token');
  setToken(tokens.id_token);
  return flow.next || '/tracking';
}

// cognitoSignOutUrl ends the hosted UI's session too, so "sign out" means it.
export function cognitoSignOutUrl(c: NonNullable<AuthConfig['cognito']>): string {
  const q = new URLSearchParams({ client_id: c.clientId, logout_uri: c.redirectUri });
  return `${c.domain}/logout?${q}`;
}
