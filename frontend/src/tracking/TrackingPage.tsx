import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExportPanel } from '../exports/ExportPanel';
import { HistoryDrawer } from '../history/HistoryDrawer';
import { HistoryWindow } from '../history/HistoryWindow';
import { DateRange, useDateRange } from '../ui/DateRange';
import { apiQuery, extraFilters, fieldsFor, isMedia, MEDIA, withMedia, type Media } from './filters';
import { FilterForm } from './FilterForm';
import { Results } from './Results';
import { writeApiOrder, writeOrder, type ColumnSort } from './sort';
import type { TrackingRow } from './types';

// Interaction Tracking: media first, then the media's filters, then the results. All of
// it lives in the URL (filters, period, order and column sort, hidden columns, the open
// history), so a view can be shared and the back button works.
export default function TrackingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('media');
  const media: Media | null = isMedia(raw) ? raw : null;
  const range = useDateRange('last7');
  const mediaId = useId();

  const update = useCallback(
    (fn: (p: URLSearchParams) => void, replace = false) =>
      setParams(
        (p) => {
          const n = new URLSearchParams(p);
          fn(n);
          return n;
        },
        { replace },
      ),
    [setParams],
  );

  const query = useMemo(() => (media ? apiQuery(params, media, range) : null), [params, media, range]);
  const hidden = useMemo(() => (params.get('cols') ?? '').split(',').filter(Boolean), [params]);

  const onHistory = useCallback((r: TrackingRow) => update((p) => p.set('h', r.id)), [update]);
  const onContact = useCallback((r: TrackingRow) => update((p) => r.contactKey && p.set('hv', `c:${r.contactKey}`)), [update]);
  const onAgent = useCallback((r: TrackingRow) => update((p) => r.agentId && p.set('hv', `a:${r.agentId}`)), [update]);
  const onSort = useCallback((next: ColumnSort | undefined) => setParams((p) => writeOrder(p, next)), [setParams]);
  const onApiOrder = useCallback((api: 'asc' | 'desc') => setParams((p) => writeApiOrder(p, api)), [setParams]);

  return (
    <div className="tracking">
      <h1>{t('nav.tracking')}</h1>
      <div className="media-pick">
        <label htmlFor={mediaId}>{t('tracking.media')}</label>
        <select
          id={mediaId}
          data-testid="media"
          value={media ?? ''}
          required
          onChange={(e) => {
            const m = e.target.value;
            if (isMedia(m)) setParams(withMedia(params, m));
          }}
        >
          <option value="" disabled>
            {t('tracking.chooseMedia')}
          </option>
          {MEDIA.map((m) => (
            <option key={m} value={m}>
              {t(`media.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {!media ? (
        <p className="hint">{t('tracking.mediaFirst')}</p>
      ) : (
        <>
          <DateRange fallback="last7" resetKeys={['h', 'hv']} />
          <FilterForm
            media={media}
            params={params}
            range={range}
            onApply={(values) =>
              update((p) => {
                for (const f of fieldsFor(media)) p.delete(f.param);
                for (const [k, v] of Object.entries(values)) if (v.trim() !== '') p.set(k, v.trim());
                p.delete('h');
                p.delete('hv');
              })
            }
          />
          <ExtraChips media={media} params={params} onRemove={(k) => update((p) => p.delete(k))} />
          <Results
            query={query!}
            url={params}
            onSort={onSort}
            hidden={hidden}
            onHiddenChange={(h) => update((p) => (h.length ? p.set('cols', h.join(',')) : p.delete('cols')), true)}
            onHistory={onHistory}
            onContact={onContact}
            onAgent={onAgent}
            toolbar={<Toolbar params={params} query={query!} onApiOrder={onApiOrder} />}
          />
        </>
      )}
      {params.get('h') && <HistoryDrawer id={params.get('h')!} onClose={() => update((p) => p.delete('h'))} />}
      {params.get('hv') && <HistoryWindow spec={params.get('hv')!} onClose={() => update((p) => p.delete('hv'))} />}
    </div>
  );
}

function Toolbar({
  params,
  query,
  onApiOrder,
}: {
  params: URLSearchParams;
  query: URLSearchParams;
  onApiOrder: (api: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [exporting, setExporting] = useState(false);
  return (
    <div className="tracking-toolbar">
      <label htmlFor={id}>{t('tracking.order')}</label>
      <select
        id={id}
        value={params.get('sort') === 'asc' ? 'asc' : 'desc'}
        onChange={(e) => onApiOrder(e.target.value === 'asc' ? 'asc' : 'desc')}
      >
        <option value="desc">{t('tracking.newest')}</option>
        <option value="asc">{t('tracking.oldest')}</option>
      </select>
      <button type="button" aria-expanded={exporting} onClick={() => setExporting((x) => !x)} data-testid="export-open">
        {t('tracking.export')}
      </button>
      {exporting && <ExportPanel query={query} onClose={() => setExporting(false)} />}
    </div>
  );
}

function ExtraChips({ media, params, onRemove }: { media: Media; params: URLSearchParams; onRemove: (k: string) => void }) {
  const { t } = useTranslation();
  const extras = extraFilters(params, media);
  if (extras.length === 0) return null;
  return (
    <div className="chips" aria-label={t('tracking.drillFilters')} role="group">
      <span>{t('tracking.drillFilters')}:</span>
      {extras.map((e) => (
        <span key={e.param} className="chip">
          {t(`filters.${e.param}`)} = {e.value === '""' ? t('filters.none') : e.value}
          <button type="button" onClick={() => onRemove(e.param)} aria-label={t('tracking.removeFilter', { name: t(`filters.${e.param}`) })}>
            ×
          </button>
        </span>
      ))}
    </div>
  );
}
