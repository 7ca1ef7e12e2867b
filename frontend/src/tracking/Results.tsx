import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isCancellation } from '../api/client';
import { useSession } from '../auth/session';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { Empty, ErrorState, Freshness, Loading } from '../ui/States';
import { formatNumber } from '../ui/format';
import { DURATION_KEYS, formatCell, NUMBER_KEYS, sortValue } from './columns';
import { useLoadAll } from './loadAll';
import { LOAD_ALL_CAP, readOrder, sortNotice, START_KEYS, type ColumnSort } from './sort';
import type { TrackingRow } from './types';
import { useTracking } from './useTracking';

// The first table render of the app is marked once, for docs/benchmarks.md's
// "time to first table render" (read by the e2e run).
let marked = false;
export const FIRST_TABLE_MARK = 'rastro:first-table-render';

type Props = {
  query: URLSearchParams;
  // The screen's URL, for the table's order (sort, orderBy).
  url: URLSearchParams;
  onSort: (next: ColumnSort | undefined) => void;
  // How many rows "Load all and sort" fetches at most.
  loadAllCap?: number;
  hidden: string[];
  onHiddenChange: (h: string[]) => void;
  onHistory: (row: TrackingRow) => void;
  onContact: (row: TrackingRow) => void;
  onAgent: (row: TrackingRow) => void;
  toolbar?: React.ReactNode;
};

export function Results({ query, url, onSort, loadAllCap = LOAD_ALL_CAP, hidden, onHiddenChange, onHistory, onContact, onAgent, toolbar }: Props) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const q = useTracking(query, true);
  const { rows, columns: apiColumns } = q;
  const keys = useMemo(() => apiColumns.map((c) => c.key), [apiColumns]);
  const order = readOrder(url, keys.length > 0 ? keys : undefined);
  const sorting = useMemo(() => [order.column], [order.column.id, order.column.desc]);
  const loadAll = useLoadAll(q, query.toString(), loadAllCap);
  const countRef = useRef<HTMLParagraphElement>(null);
  // When "Load all" ends, its button goes away with the notice; a keyboard user would be
  // left nowhere: the count (what the load changed) takes focus instead.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !loadAll.running && document.activeElement === document.body) countRef.current?.focus();
    wasRunning.current = loadAll.running;
  }, [loadAll.running]);

  useEffect(() => {
    if (!marked && rows.length > 0) {
      marked = true;
      performance.mark(FIRST_TABLE_MARK);
    }
  }, [rows.length]);

  const columns = useMemo<DataColumn<TrackingRow>[]>(() => {
    const actions: DataColumn<TrackingRow> = {
      id: '_actions',
      header: t('tracking.actions'),
      value: () => '',
      sortable: false,
      cell: (r) => (
        <span className="row-actions">
          <button type="button" className="badge badge-h" onClick={() => onHistory(r)} aria-label={t('tracking.viewHistory', { id: r.id })} title={t('tracking.viewHistory', { id: r.id })} data-testid="open-history">
            {t('tracking.historyBadge')}
          </button>
          {r.contactKey && (
            <button type="button" className="badge badge-c" onClick={() => onContact(r)} aria-label={t('tracking.clientHistory')} title={t('tracking.clientHistory')} data-testid="open-client">
              C
            </button>
          )}
          {r.agentId && (
            <button type="button" className="badge badge-a" onClick={() => onAgent(r)} aria-label={t('tracking.agentHistory')} title={t('tracking.agentHistory')} data-testid="open-agent">
              A
            </button>
          )}
        </span>
      ),
    };
    return [
      actions,
      ...apiColumns.map<DataColumn<TrackingRow>>((c) => ({
        id: c.key,
        header: t(`columns.${c.key}`, { defaultValue: c.header }),
        value: (r) => sortValue(c.key, r[c.key]),
        cell: (r) => formatCell(c.key, r[c.key], locale),
        align: DURATION_KEYS.has(c.key) || NUMBER_KEYS.has(c.key) ? 'end' : 'start',
        sortTitle: START_KEYS.has(c.key) ? t('tracking.sortByStart') : undefined,
      })),
    ];
  }, [apiColumns, locale, t, onHistory, onContact, onAgent]);

  // A called-off request is no failure: while one is replaced the list is still loading.
  if (q.isPending || (q.isError && isCancellation(q.error))) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;

  const done = !q.hasNextPage;
  const notice = sortNotice(order, rows.length, q.hasNextPage, loadAll.running, loadAllCap);
  const sortedBy = columns.find((c) => c.id === order.column.id)?.header ?? order.column.id;
  const n = formatNumber(rows.length, locale);
  const cap = formatNumber(loadAllCap, locale);
  return (
    <section aria-labelledby="results-h" className="results">
      <h2 id="results-h" className="visually-hidden">
        {t('tracking.results')}
      </h2>
      <Freshness generatedAt={new Date(q.dataUpdatedAt).toISOString()} />
      <p className="result-count" role="status" data-testid="result-count" ref={countRef} tabIndex={-1}>
        {done
          ? t('tracking.countDone', { count: rows.length, n: formatNumber(rows.length, locale) })
          : t('tracking.countMore', { count: rows.length, n: formatNumber(rows.length, locale) })}
        {q.isFetchingNextPage && ` · ${t('state.loading')}`}
      </p>
      {notice.kind !== 'none' && (
        <div className="sort-notice" data-testid="sort-notice">
          <p role="status">
            {notice.kind === 'partial'
              ? t('tracking.sortPartial', { count: rows.length, n, column: sortedBy })
              : notice.kind === 'loading'
                ? t('tracking.sortLoading', { n, column: sortedBy })
                : t('tracking.sortCapped', { n, cap, column: sortedBy })}
          </p>
          {/* One button that turns into Stop and back, so keyboard focus stays on it. */}
          {notice.kind !== 'capped' && (
            <button type="button" onClick={loadAll.running ? loadAll.stop : () => void loadAll.start()} data-testid="load-all">
              {loadAll.running ? t('tracking.stop') : t('tracking.loadAllSort', { cap })}
            </button>
          )}
        </div>
      )}
      {rows.length === 0 && done ? (
        <Empty>{t('tracking.empty')}</Empty>
      ) : (
        <DataTable
          caption={t('tracking.tableCaption')}
          columns={columns}
          data={rows}
          rowId={(r) => r.id}
          columnChooser
          hidden={hidden}
          onHiddenChange={onHiddenChange}
          sorting={sorting}
          onSortingChange={(s) => onSort(s[0])}
          manualSorting={!order.local}
          alwaysSorted
          // Rows fetched on scroll would land anywhere in a browser sort, under the user's
          // eyes: then more rows come by the buttons only.
          onEndReached={
            order.local
              ? undefined
              : () => {
                  if (q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
                }
          }
          toolbar={toolbar}
        />
      )}
      {!done && rows.length > 0 && (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {t('tracking.loadMore')}
        </button>
      )}
    </section>
  );
}
