import { isCancelledError } from '@tanstack/react-query';
import { getConfig } from '../auth/config';
import { getToken, onUnauthorized } from '../auth/token';

// ApiError carries what the API said went wrong, so screens can show its message
// and request id instead of a blank page.
export class ApiError extends Error {
  status: number;
  code?: string;
  requestId?: string;
  field?: string;
  fields?: { field: string; reason: string }[];

  constructor(
    status: number,
    message: string,
    extra: { code?: string; requestId?: string; field?: string; fields?: { field: string; reason: string }[] } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = extra.code;
    this.requestId = extra.requestId;
    this.field = extra.field;
    this.fields = extra.fields;
  }
}

type ErrorBody = {
  error?: {
    code?: string;
    message?: string;
    field?: string;
    requestId?: string;
    details?: { field?: string; reason?: string; message?: string }[];
  };
  // API Gateway's own rejections (before a function runs) only carry this.
  message?: string;
};

// toApiError reads both the functions' Error body and API Gateway's {"message"}.
export function toApiError(status: number, body: unknown, fallback: string): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as ErrorBody;
  const e = b.error;
  const message = e?.message || b.message || fallback;
  const fields = e?.details
    ?.filter((d) => d.field)
    .map((d) => ({ field: d.field as string, reason: d.reason ?? d.message ?? '' }));
  return new ApiError(status, message, {
    code: e?.code,
    requestId: e?.requestId,
    field: e?.field,
    fields: fields && fields.length > 0 ? fields : undefined,
  });
}

// isCancellation says whether an error only means the request was called off: TanStack
// Query aborts a request nobody waits for any more (the screen was left, the filters
// changed). That is not a failure, and nothing should show or log it as one.
export function isCancellation(err: unknown): boolean {
  if (isCancelledError(err)) return true;
  if (typeof err !== 'object' || err === null) return false;
  const name = (err as { name?: unknown }).name;
  return name === 'AbortError' || name === 'CancelledError';
}

async function send<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // In AWS the API is another origin (config apiUrl); locally the dev server serves both.
  let res: Response;
  let text: string;
  try {
    res = await fetch(getConfig().apiUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    text = await res.text();
  } catch (err) {
    // Browsers differ in what an aborted fetch rejects with (an AbortError, or the
    // signal's reason, which may be anything): make it always read as a cancellation.
    if (signal?.aborted && !isCancellation(err)) throw new DOMException('request cancelled', 'AbortError');
    throw err;
  }
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    // An expired or revoked token: the session is over, send the user to sign-in.
    if (res.status === 401) onUnauthorized();
    throw toApiError(res.status, parsed, `${res.status} ${res.statusText || 'request failed'}`.trim());
  }
  return parsed as T;
}

// apiGet calls a GET endpoint of the API with the session's bearer token.
export function apiGet<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const qs = params && params.size > 0 ? `?${params.toString()}` : '';
  return send<T>('GET', path + qs, undefined, signal);
}

// apiPost sends a JSON body to the API with the session's bearer token.
export function apiPost<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return send<T>('POST', path, body, signal);
}
