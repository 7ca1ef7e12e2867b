import '../reports.css';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { DataTable, type DataColumn } from '../../ui/DataTable';
import { DateRange, useDateRange } from '../../ui/DateRange';
import { formatNumber } from '../../ui/format';
import { Empty, ErrorState, Freshness, Loading } from '../../ui/States';
import { FilterForm } from '../common/FilterForm';
import { BotSessionPanel } from './BotSessionPanel';
import { Handover } from './Handover';
import { stamp } from './stamp';
import { BOT_FIELDS, daysBetween, MAX_DAYS, statusKey, validateBotFilters, type BotSession } from './model';
import { useBotPages } from './useBotPages';

// The search param naming the session whose detail is open (kept in the
// URL so a session can be shared; `session` is the filter).
export const OPEN_PARAM = 'open';

// BotReport is seed 002's chatbot conversation report.
export default function BotReport() {
  const { t } = useTranslation('reports');
  const { locale } = useSession();
  const [search, setSearch] = useSearchParams();
  const range = useDateRange('last7');
  const days = daysBetween(range.from, range.to);
  const tooLong = days > MAX_DAYS;
  const query = useBotPages(search, range, !tooLong);
  const sessions = useMemo(() => query.data?.pages.flatMap((p) => p.sessions) ?? [], [query.data]);
  const first = query.data?.pages[0];
  const open = search.get(OPEN_PARAM);

  // react-router hands a functional update the search params of the render that made
  // setSearch, not the current ones: a callback kept from an earlier render would write
  // an old URL (and drop a filter applied since). So it is remade with setSearch.
  const openSession = useCallback(
    (id: string | null) =>
      setSearch((s) => {
        const n = new URLSearchParams(s);
        if (id) n.set(OPEN_PARAM, id);
        else n.delete(OPEN_PARAM);
        return n;
      }),
    [setSearch],
  );

  const columns = useMemo<DataColumn<BotSession>[]>(
    () => [
      {
        id: 'session',
        header: t('bot.col.session'),
        value: (s) => s.id,
        cell: (s) => (
          <button type="button" className="link-button" onClick={() => openSession(s.id)} aria-label={t('bot.openSession', { id: s.id })}>
            {s.id}
          </button>
        ),
        width: 220,
      },
      { id: 'phone', header: t('bot.col.phone'), value: (s) => s.phone },
      { id: 'name', header: t('bot.col.name'), value: (s) => s.name },
      { id: 'start', header: t('bot.col.start'), value: (s) => s.start, cell: (s) => stamp(s.start, locale) },
      { id: 'end', header: t('bot.col.end'), value: (s) => s.end, cell: (s) => (s.end ? stamp(s.end, locale) : t('bot.status.open')) },
      { id: 'channel', header: t('bot.col.channel'), value: (s) => s.channel, cell: (s) => t(`media.${s.channel}`, { defaultValue: s.channel }) },
      { id: 'protocol', header: t('bot.col.protocol'), value: (s) => s.protocol },
      { id: 'labels', header: t('bot.col.labels'), value: (s) => s.labels.join(', ') },
      {
        id: 'wentToHuman',
        header: t('bot.col.wentToHuman'),
        value: (s) => (s.wentToHuman ? 1 : 0),
        cell: (s) => <Handover session={s} />,
      },
      { id: 'queue', header: t('bot.col.queue'), value: (s) => s.queue },
      { id: 'status', header: t('bot.col.status'), value: (s) => s.endReason, cell: (s) => t(statusKey(s.endReason)) },
    ],
    [t, locale, openSession],
  );

  return (
    <section className="report" aria-labelledby="bot-title">
      <h1 id="bot-title">{t('bot.title')}</h1>
      <div className="report-controls">
        <DateRange fallback="last7" resetKeys={[OPEN_PARAM]} />
        <FilterForm
          fields={BOT_FIELDS}
          resetKeys={[OPEN_PARAM]}
          validate={(v) => {
            const p = validateBotFilters(v);
            return p ? { field: p.field, message: t(p.key, p.values) } : null;
          }}
        />
      </div>
      {tooLong ? (
        <div className="state state-error" role="alert">
          {t('bot.errors.tooLong', { days, max: MAX_DAYS })}
        </div>
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending || !first ? (
        <Loading />
      ) : (
        <div className="report-body" aria-busy={query.isFetching || undefined}>
          <Freshness generatedAt={first.generatedAt} dataThrough={first.dataThrough} />
          <p className="report-summary" role="status">
            {t('bot.loaded', { count: sessions.length, n: formatNumber(sessions.length, locale, 0) })}
            {query.hasNextPage ? ` ${t('bot.more')}` : ''}
          </p>
          {sessions.length === 0 && !query.hasNextPage ? (
            <Empty>{t('bot.empty')}</Empty>
          ) : (
            <DataTable
              caption={t('bot.table')}
              columns={columns}
              data={sessions}
              rowId={(s) => s.id}
              columnChooser
              onEndReached={() => {
                if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
              }}
            />
          )}
          {query.hasNextPage && (
            <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? t('bot.loadingMore') : t('bot.loadMore')}
            </button>
          )}
        </div>
      )}
      {open && <BotSessionPanel id={open} onClose={() => openSession(null)} />}
    </section>
  );
}


