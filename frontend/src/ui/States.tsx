import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isCancellation } from '../api/client';
import { useSession } from '../auth/session';
import { formatDateTime } from './format';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="state state-empty" role="status">
      {children ?? t('state.empty')}
    </div>
  );
}

// ErrorState shows what the API said (its message, the field at fault and the request id
// support needs), never a blank page. A request that was only called off is no error: it
// shows nothing (the screen that wanted it has moved on, or asks again).
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isCancellation(error)) return null;
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : t('state.unknownError');
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div className="state state-error" role="alert">
      <strong>{t('state.error')}</strong> <span className="error-message">{message}</span>
      {api?.fields && api.fields.length > 0 && (
        <ul>
          {api.fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.reason}
            </li>
          ))}
        </ul>
      )}
      {api?.requestId && (
        <div className="request-id">
          {t('state.requestId')}: <code>{api.requestId}</code>
        </div>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

// Freshness is the data-freshness line: when the figures were computed and up to which
// instant they include data (the API's generatedAt/dataThrough watermark), in the tenant's zone.
export function Freshness({ generatedAt, dataThrough }: { generatedAt?: string; dataThrough?: string }) {
  const { t } = useTranslation();
  const { zone, locale } = useSession();
  if (!generatedAt && !dataThrough) return null;
  return (
    <p className="freshness" data-testid="freshness">
      {dataThrough && t('freshness.through', { at: formatDateTime(dataThrough, zone, locale) })}
      {dataThrough && generatedAt && ' · '}
      {generatedAt && t('freshness.generated', { at: formatDateTime(generatedAt, zone, locale) })}
    </p>
  );
}
