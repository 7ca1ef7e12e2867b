// The bearer token lives in sessionStorage: it survives a reload of the tab but not
// closing it, and is never shared with other tabs (a different user may sign in there).
const KEY = 'rastro.token';

let unauthorizedHandler: (() => void) | undefined;

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

// The session provider registers what a 401 should do (drop the token, go to sign-in);
// the API client only reports it.
export function setUnauthorizedHandler(fn: (() => void) | undefined): void {
  unauthorizedHandler = fn;
}

export function onUnauthorized(): void {
  unauthorizedHandler?.();
}
