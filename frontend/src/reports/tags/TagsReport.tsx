import '../reports.css';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { Chart } from '../../ui/Chart';
import { DateRange, useDateRange } from '../../ui/DateRange';
import { formatNumber } from '../../ui/format';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import type { AggregateReport, ReportRow } from '../common/aggregate';
import { categoryChart } from '../common/chartOptions';
import { FilterForm } from '../common/FilterForm';
import { apiParams, choice } from '../common/filters';
import { rowLabel } from '../common/labels';
import { ReportState } from '../common/ReportState';
import { ReportTable } from '../common/ReportTable';
import { useReport } from '../common/useReport';
import { ViewSwitch } from '../common/ViewSwitch';
import { INTERVALS, noneKey, TAGS_FIELDS, TAGS_PARAMS, TAGS_PATH, tagSeries, tagsDrills, VIEWS, type View } from './model';

// TagsReport is seed 001's tag report: applications over time, per page and per agent.
export default function TagsReport() {
  const { t } = useTranslation('reports');
  const { locale, zone } = useSession();
  const [search] = useSearchParams();
  const range = useDateRange('last7');
  const view = choice(search, 'view', VIEWS, 'time');
  const interval = choice(search, 'interval', INTERVALS, 'day');
  const params = apiParams(search, TAGS_PARAMS, range);
  params.set('view', view);
  if (view === 'time') params.set('interval', interval);
  else params.delete('interval');
  const query = useReport<AggregateReport>(TAGS_PATH, params);
  const label = useCallback(
    (r: ReportRow) => rowLabel(r, { t, noneKey: noneKey(view), isDate: view === 'time' && interval === 'day', locale, zone }),
    [t, view, interval, locale, zone],
  );

  return (
    <section className="report" aria-labelledby="tags-title">
      <h1 id="tags-title">{t('tags.title')}</h1>
      <div className="report-controls">
        <DateRange fallback="last7" />
        <ViewSwitch name="view" labelKey="tags.viewBy" values={VIEWS} current={view} optionKey={(v) => `tags.view.${v}`} />
        {view === 'time' && (
          <ViewSwitch name="interval" labelKey="tags.intervalBy" values={INTERVALS} current={interval} optionKey={(v) => `tags.interval.${v}`} />
        )}
        <FilterForm fields={TAGS_FIELDS} />
      </div>
      <ReportState query={query} isEmpty={(d) => Number(d.totals.total ?? 0) === 0} emptyText={t('tags.empty')}>
        {(data) => <TagsBody data={data} view={view} label={label} />}
      </ReportState>
    </section>
  );
}

function TagsBody({ data, view, label }: { data: AggregateReport; view: View; label: (r: ReportRow) => string }) {
  const { t } = useTranslation('reports');
  const { locale } = useSession();
  const option = useMemo(
    () =>
      categoryChart({
        categories: data.rows.map(label),
        series: tagSeries(data, view),
        type: view === 'time' ? 'line' : 'bar',
        format: (v) => formatNumber(v, locale, 0),
      }),
    [data, view, label, locale],
  );
  const tagCount = (data.columns ?? []).filter((c) => c.key.startsWith('tag:')).length;
  return (
    <>
      <KpiGrid label={t('kpis')}>
        <KpiCard label={t('col.total')} value={formatNumber(Number(data.totals.total ?? 0), locale, 0)} />
        <KpiCard label={t('tags.distinct')} value={formatNumber(tagCount, locale, 0)} />
      </KpiGrid>
      <Chart option={option} label={t('tags.chart', { view: t(`tags.view.${view}`) })} height={360} />
      <ReportTable
        report={data}
        caption={t('tags.table', { view: t(`tags.view.${view}`) })}
        rowLabel={label}
        drills={tagsDrills}
        columnChooser
      />
    </>
  );
}
