import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiGet } from '../api/client';
import { useSession } from '../auth/session';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { Drawer } from '../ui/Drawer';
import { formatDateTime, formatDuration } from '../ui/format';
import { Empty, ErrorState, Loading } from '../ui/States';
import type { HistoryItem, InteractionPage } from './types';

// parseSpec reads the URL's hv parameter: c:<contactKey> (the C badge) or a:<agentId> (A).
export function parseSpec(spec: string): { kind: 'client' | 'agent'; key: string } | null {
  const kind = spec.startsWith('c:') ? 'client' : spec.startsWith('a:') ? 'agent' : null;
  const key = spec.slice(2);
  return kind && key ? { kind, key } : null;
}

export function historyPath(kind: 'client' | 'agent', key: string): string {
  return kind === 'client'
    ? `/v1/contacts/${encodeURIComponent(key)}/interactions`
    : `/v1/agents/${encodeURIComponent(key)}/interactions`;
}

// HistoryWindow is seed 004's client (C) or agent (A) history: every interaction of the
// client or agent on every channel and date, newest first, paged with the API's cursor.
export function HistoryWindow({ spec, onClose }: { spec: string; onClose: () => void }) {
  const { t } = useTranslation();
  const parsed = parseSpec(spec);
  const { zone, locale } = useSession();
  const [, setParams] = useSearchParams();
  const q = useInfiniteQuery({
    queryKey: ['history-window', spec],
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams({ limit: '100' });
      if (pageParam) p.set('cursor', pageParam);
      return apiGet<InteractionPage>(historyPath(parsed!.kind, parsed!.key), p, signal);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: parsed !== null,
  });
  const items = useMemo(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);

  const columns = useMemo<DataColumn<HistoryItem>[]>(
    () => [
      {
        id: 'id',
        header: t('window.interaction'),
        value: (r) => r.id,
        sortable: false,
        cell: (r) => (
          <button
            type="button"
            className="linklike"
            onClick={() =>
              setParams((p) => {
                const n = new URLSearchParams(p);
                n.delete('hv');
                n.set('h', r.id);
                return n;
              })
            }
          >
            {r.protocol || r.id}
          </button>
        ),
      },
      { id: 'source', header: t('window.source'), value: (r) => r.source, cell: (r) => t(`window.sources.${r.source}`) },
      { id: 'start', header: t('window.created'), value: (r) => r.start, cell: (r) => formatDateTime(r.start, zone, locale) },
      { id: 'finished', header: t('window.closed'), value: (r) => r.finished ?? '', cell: (r) => (r.finished ? formatDateTime(r.finished, zone, locale) : '') },
      { id: 'media', header: t('window.channel'), value: (r) => r.media, cell: (r) => t(`media.${r.media}`, { defaultValue: r.media }) },
      { id: 'queue', header: t('columns.queue'), value: (r) => r.queue ?? '' },
      { id: 'agent', header: t('columns.agent'), value: (r) => r.agentName ?? r.agentId ?? '' },
      { id: 'contact', header: t('columns.client'), value: (r) => r.contactName ?? '' },
      { id: 'did', header: t('columns.did'), value: (r) => r.did ?? '' },
      { id: 'disposition', header: t('columns.disposition'), value: (r) => r.disposition ?? '' },
      { id: 'duration', header: t('columns.duration'), value: (r) => r.duration, cell: (r) => formatDuration(r.duration), align: 'end' },
      { id: 'state', header: t('window.status'), value: (r) => r.status || r.state },
      {
        id: 'content',
        header: t('window.content'),
        value: (r) => r.preview ?? '',
        sortable: false,
        cell: (r) => (
          <>
            {r.preview}
            {r.recordingUrl && (
              <a href={r.recordingUrl} target="_blank" rel="noreferrer">
                {t('window.play')}
              </a>
            )}
            {r.transcriptionUrl && (
              <>
                {' '}
                <a href={r.transcriptionUrl} target="_blank" rel="noreferrer">
                  {t('window.transcription')}
                </a>
              </>
            )}
          </>
        ),
      },
    ],
    [t, zone, locale, setParams],
  );

  const title = parsed
    ? t(parsed.kind === 'client' ? 'window.clientTitle' : 'window.agentTitle', { key: parsed.key })
    : t('window.invalid');
  return (
    <Drawer title={title} onClose={onClose} wide testId="history-window">
      {!parsed && <ErrorState error={t('window.invalid')} />}
      {parsed && q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && items.length === 0 && <Empty />}
      {items.length > 0 && (
        <DataTable
          caption={title}
          columns={columns}
          data={items}
          rowId={(r) => r.id}
          height={480}
          onEndReached={() => {
            if (q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
          }}
        />
      )}
      {q.hasNextPage && (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {t('tracking.loadMore')}
        </button>
      )}
    </Drawer>
  );
}
