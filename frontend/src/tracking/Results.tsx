import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { Empty, ErrorState, Freshness, Loading } from '../ui/States';
import { formatNumber } from '../ui/format';
import { DURATION_KEYS, formatCell, NUMBER_KEYS, sortValue } from './columns';
import type { TrackingRow } from './types';
import { useTracking } from './useTracking';

// The first table render of the app is marked once, for docs/benchmarks.md's
// "time to first table render" (read by the e2e run).
let marked = false;
export const FIRST_TABLE_MARK = 'rastro:first-table-render';

type Props = {
  query: URLSearchParams;
  hidden: string[];
  onHiddenChange: (h: string[]) => void;
  onHistory: (row: TrackingRow) => void;
  onContact: (row: TrackingRow) => void;
  onAgent: (row: TrackingRow) => void;
  toolbar?: React.ReactNode;
};

export function Results({ query, hidden, onHiddenChange, onHistory, onContact, onAgent, toolbar }: Props) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const q = useTracking(query, true);
  const { rows, columns: apiColumns } = q;

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
      })),
    ];
  }, [apiColumns, locale, t, onHistory, onContact, onAgent]);

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;

  const done = !q.hasNextPage;
  return (
    <section aria-labelledby="results-h" className="results">
      <h2 id="results-h" className="visually-hidden">
        {t('tracking.results')}
      </h2>
      <Freshness generatedAt={new Date(q.dataUpdatedAt).toISOString()} />
      <p className="result-count" role="status" data-testid="result-count">
        {done
          ? t('tracking.countDone', { count: rows.length, n: formatNumber(rows.length, locale) })
          : t('tracking.countMore', { count: rows.length, n: formatNumber(rows.length, locale) })}
        {q.isFetchingNextPage && ` · ${t('state.loading')}`}
      </p>
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
          onEndReached={() => {
            if (q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
          }}
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
