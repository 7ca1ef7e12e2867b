import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiGet } from '../api/client';
import { useSession } from '../auth/session';
import { trackingLink } from '../tracking/link';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { formatBytes, formatDateTime, formatNumber } from '../ui/format';
import { Empty, ErrorState, Loading } from '../ui/States';
import { ExportForm } from './ExportForm';
import { fromParams, isLive } from './request';
import type { ExportJob, ExportJobPage } from './types';

// How often the list is asked again while a job is queued or running.
export const POLL_MS = 2000;

// ExportsPage lists the export jobs the user may see (an admin: the tenant's; a
// supervisor: their own, which the server decides) with live status and download links;
// with ?request=<report query> it also offers the request form for that filter.
export default function ExportsPage() {
  const { t } = useTranslation();
  const { role, zone, locale } = useSession();
  const [params, setParams] = useSearchParams();
  const request = params.get('request');
  const highlight = params.get('job');
  const jobs = useQuery({
    queryKey: ['exports'],
    queryFn: ({ signal }) => apiGet<ExportJobPage>('/v1/exports', new URLSearchParams({ limit: '50' }), signal),
    refetchInterval: (q) => (q.state.data?.items.some((j) => isLive(j.status)) ? POLL_MS : false),
    staleTime: 0,
  });

  const columns = useMemo<DataColumn<ExportJob>[]>(
    () => [
      { id: 'created', header: t('exports.created'), value: (j) => j.created, cell: (j) => formatDateTime(j.created, zone, locale) },
      {
        id: 'filter',
        header: t('exports.filter'),
        value: (j) => `${j.params.media} ${j.params.from}`,
        cell: (j) => (
          <Link to={trackingLink(withoutFrame(j.params))}>
            {t(`media.${String(j.params.media)}`, { defaultValue: String(j.params.media) })} · {String(j.params.from)} – {String(j.params.to)}
          </Link>
        ),
      },
      {
        id: 'format',
        header: t('exports.format'),
        value: (j) => j.format,
        cell: (j) =>
          [
            j.format.toUpperCase(),
            j.options.delimiter && `“${j.options.delimiter}”`,
            j.options.bom && 'BOM',
            j.options.language,
            j.options.gzip && 'gzip',
          ]
            .filter(Boolean)
            .join(' · '),
      },
      {
        id: 'status',
        header: t('exports.status'),
        value: (j) => j.status,
        cell: (j) => (
          <span className={`status status-${j.status}`} data-testid={`status-${j.id}`}>
            {t(`exports.statuses.${j.status}`)}
            {j.status === 'failed' && j.reason && `: ${j.reason}`}
          </span>
        ),
      },
      { id: 'rows', header: t('exports.rows'), value: (j) => j.rows, cell: (j) => formatNumber(j.rows, locale), align: 'end' },
      { id: 'bytes', header: t('exports.size'), value: (j) => j.bytes, cell: (j) => (j.status === 'succeeded' ? formatBytes(j.bytes, locale) : ''), align: 'end' },
      {
        id: 'download',
        header: t('exports.download'),
        value: () => '',
        sortable: false,
        cell: (j) =>
          j.status !== 'succeeded' ? null : j.fileExpired || !j.url ? (
            <span className="muted">{t('exports.expired')}</span>
          ) : (
            <a href={j.url} download={j.fileName} data-testid={`download-${j.id}`}>
              {j.fileName ?? t('exports.download')}
            </a>
          ),
      },
      {
        id: 'again',
        header: t('exports.again'),
        value: () => '',
        sortable: false,
        cell: (j) => (
          <Link to={`/exports?request=${encodeURIComponent(fromParams(withoutFrame(j.params, true)).toString())}`}>
            {t('exports.again')}
          </Link>
        ),
      },
    ],
    [t, zone, locale],
  );

  const jobsTitle = t(role === 'admin' ? 'exports.jobs' : 'exports.myJobs');
  return (
    <div className="exports">
      <h1>{t('nav.exports')}</h1>
      {request ? (
        <section aria-labelledby="req-h" className="card">
          <h2 id="req-h">{t('exports.request')}</h2>
          <p>
            {t('exports.forFilter')} <code>{request}</code>
          </p>
          <ExportForm
            query={new URLSearchParams(request)}
            onCreated={(job) => setParams(new URLSearchParams({ job: job.id }))}
          />
        </section>
      ) : (
        <p className="hint">
          {t('exports.howTo')} <Link to="/tracking">{t('nav.tracking')}</Link>
        </p>
      )}
      <section aria-labelledby="jobs-h">
        <h2 id="jobs-h">{jobsTitle}</h2>
        {jobs.isPending && <Loading />}
        {jobs.isError && <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />}
        {jobs.data && jobs.data.items.length === 0 && <Empty>{t('exports.none')}</Empty>}
        {jobs.data && jobs.data.items.length > 0 && (
          <DataTable
            caption={jobsTitle}
            columns={columns}
            data={jobs.data.items}
            rowId={(j) => j.id}
            height={520}
            toolbar={highlight ? <span role="status">{t('exports.highlight', { id: highlight })}</span> : undefined}
          />
        )}
      </section>
    </div>
  );
}

// The job's resolved zone and sort are the file's business; the tracking link and a
// new request take the filter and period only.
function withoutFrame(p: Record<string, string | string[]>, keepPeriod = true): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(p)) {
    if (k === 'zone' || k === 'sort') continue;
    if (!keepPeriod && (k === 'from' || k === 'to')) continue;
    out[k] = v;
  }
  return out;
}
