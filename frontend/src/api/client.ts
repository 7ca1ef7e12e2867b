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

async function send<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // In AWS the API is another origin (config apiUrl); locally the dev server serves both.
  const res = await fetch(getConfig().apiUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const text = await res.text();
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
