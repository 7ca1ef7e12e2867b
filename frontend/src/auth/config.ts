// Where the API is and how users sign in. In AWS, `make deploy-frontend` uploads
// /config.json (apiUrl, clientId, authDomain) next to index.html, so one build serves
// every stage; build-time VITE_API_URL / VITE_COGNITO_CLIENT_ID / VITE_COGNITO_DOMAIN /
// VITE_COGNITO_REDIRECT_URI override it. Without a Cognito client the dashboard is in
// local-dev mode: the dev server lists demo users and issues tokens.
export type AuthConfig = {
  apiUrl: string; // '' = same origin (the dev server)
  cognito?: { domain: string; clientId: string; redirectUri: string };
};

let config: AuthConfig = { apiUrl: '' };

export function getConfig(): AuthConfig {
  return config;
}

type RuntimeConfig = { apiUrl?: string; clientId?: string; authDomain?: string; redirectUri?: string };

export function buildConfig(runtime: RuntimeConfig, env: Record<string, string | undefined>, origin: string): AuthConfig {
  const apiUrl = (env.VITE_API_URL || runtime.apiUrl || '').replace(/\/+$/, '');
  const domain = (env.VITE_COGNITO_DOMAIN || runtime.authDomain || '').replace(/\/+$/, '');
  const clientId = env.VITE_COGNITO_CLIENT_ID || runtime.clientId || '';
  // The stack registers the dashboard's bare origin as the callback URL.
  const redirectUri = env.VITE_COGNITO_REDIRECT_URI || runtime.redirectUri || origin;
  return { apiUrl, cognito: domain && clientId ? { domain, clientId, redirectUri } : undefined };
}

// loadConfig runs once before the first render. The dev server has no config.json (its
// SPA fallback answers index.html), which reads as local-dev mode.
export async function loadConfig(): Promise<AuthConfig> {
  let runtime: RuntimeConfig = {};
  try {
    const res = await fetch('/config.json', { headers: { Accept: 'application/json' } });
    if (res.ok && (res.headers.get('Content-Type') ?? '').includes('json')) runtime = (await res.json()) as RuntimeConfig;
  } catch {
    // no runtime config: local dev
  }
  config = buildConfig(runtime, import.meta.env as Record<string, string | undefined>, window.location.origin);
  return config;
}
