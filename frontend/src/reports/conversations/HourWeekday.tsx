import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client';
import { useSession } from '../../auth/session';
import { Chart } from '../../ui/Chart';
import type { AggregateReport } from '../common/aggregate';
import { heatmapChart } from '../common/chartOptions';
import { Loading } from '../../ui/States';
import { CONVERSATIONS_PATH } from './model';
import { datesOf, foldByWeekday, MAX_DAYS } from './heatmap';

// HourWeekday is the hour × weekday heat map of the conversations the
// current filter selects.
export function HourWeekday({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation('reports');
  const { locale } = useSession();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const dates = useMemo(() => (from && to ? datesOf(from, to) : []), [from, to]);
  const tooMany = dates.length > MAX_DAYS;
  const results = useQueries({
    queries: (tooMany ? [] : dates).map((date) => {
      const p = new URLSearchParams(params);
      p.set('view', 'hour');
      p.set('from', date);
      p.set('to', date);
      return {
        queryKey: ['report', CONVERSATIONS_PATH, p.toString()],
        queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<AggregateReport>(CONVERSATIONS_PATH, p, signal),
      };
    }),
  });
  const done = results.every((r) => r.data);
  const failed = results.find((r) => r.error);
  const option = useMemo(() => {
    if (!done) return null;
    const cells = foldByWeekday(dates.map((date, i) => ({ date, report: results[i]?.data as AggregateReport })));
    // 2024-01-01 was a Monday: the locale's weekday names in map order.
    const names = [0, 1, 2, 3, 4, 5, 6].map((d) =>
      new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + d))),
    );
    const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
    return heatmapChart(cells, names, hours, t('col.conversations'));
    // results changes identity every render; done and the data keys are what matter.
  }, [done, dates, locale, t, results.map((r) => r.dataUpdatedAt).join()]);

  if (tooMany) return <p className="report-note">{t('conversations.heatmapTooLong', { days: MAX_DAYS })}</p>;
  if (failed) return null; // the main table shows the API's error for the same filter
  if (!option) return <Loading label={t('conversations.heatmapLoading')} />;
  return (
    <figure className="report-figure">
      <figcaption>{t('conversations.heatmap')}</figcaption>
      <Chart option={option} label={t('conversations.heatmap')} height={300} />
    </figure>
  );
}
