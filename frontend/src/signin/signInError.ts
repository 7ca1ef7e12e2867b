// A failed return from the Cognito hosted UI is reported on the sign-in page.
let message: string | null = null;

export function setSignInError(m: string | null): void {
  message = m;
}

export function takeSignInError(): string | null {
  const m = message;
  message = null;
  return m;
}
